"""The families of the API the emulator serves, one package each."""
