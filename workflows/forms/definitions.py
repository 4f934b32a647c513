"""What a form asks, read from its blocks: the input of the form builder and of the submission snapshot."""

from dataclasses import dataclass, field

from .blocks import FormFieldsBlock


@dataclass(frozen=True)
class FieldDefinition:
    """One question of a form. Attribute names follow what Wagtail's FormBuilder reads from a form field."""

    clean_name: str
    field_type: str
    label: str
    help_text: str = ""
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    options: dict = field(default_factory=dict)
    default_value: str = ""

    @property
    def key(self) -> str:
        return self.clean_name


def field_definitions(stream) -> list[FieldDefinition]:
    """The questions of a form's `fields` stream, skipping headings and explanations."""
    definitions = []
    for child in stream:
        if child.block_type in FormFieldsBlock.LAYOUT_BLOCKS:
            continue
        value = dict(child.value)
        choices = tuple((option["value"], option["label"]) for option in value.pop("choices", []) or [])
        definitions.append(
            FieldDefinition(
                clean_name=value.pop("key"),
                field_type=child.block_type,
                label=value.pop("label"),
                help_text=value.pop("help_text", "") or "",
                required=bool(value.pop("required", False)),
                choices=choices,
                options=value,
            )
        )
    return definitions
