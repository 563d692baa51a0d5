from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.health_components import HealthComponents
    from ..models.health_details import HealthDetails


T = TypeVar("T", bound="Health")


@_attrs_define
class Health:
    """Addition: the health of the node, a group, a component or an extension. `status` is documented, and so is
    `components` at the top of the node's answer. The rest is an assumption (the common pattern the HiveMQ knowledge
    base names: nested `components` by name, and `details`); clients keep whatever else the body holds.

        Attributes:
            status (str): UP, DEGRADED or UNKNOWN (answered with 200) or DOWN (503). Other values may come from a newer
                broker.
            components (HealthComponents | None): The parts this health is made of, by name (assumption).
            details (HealthDetails | None): More about this part, as the broker chooses (assumption).
    """

    status: str
    components: HealthComponents | None = None
    details: HealthDetails | None = None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if self.components is not None:
            components = self.components.to_dict()
            field_dict["components"] = components
        if self.details is not None:
            details = self.details.to_dict()
            field_dict["details"] = details

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.health_components import HealthComponents
        from ..models.health_details import HealthDetails

        d = dict(src_dict)
        status = d.pop("status")

        _components = d.pop("components", None)
        components: HealthComponents | None = None
        if _components is not None:
            components = HealthComponents.from_dict(_components)

        _details = d.pop("details", None)
        details: HealthDetails | None = None
        if _details is not None:
            details = HealthDetails.from_dict(_details)

        health = cls(
            status=status,
            components=components,
            details=details,
        )

        health.additional_properties = d
        return health

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
