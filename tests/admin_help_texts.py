"""Every field the therapist can edit, with the help text she reads beside it (empty when there is none)."""

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, PanelGroup
from wagtail.admin.panels.model_utils import get_edit_handler


def panel_fields(model):
    """(where, label, help text) of every field panel in a model's edit form, inline items included."""
    found = []

    def walk(panel, model):
        if isinstance(panel, InlinePanel):
            child_model = panel.db_field.related_model
            for child in panel.child_edit_handler.children:
                walk(child.bind_to_model(child_model), child_model)
        elif isinstance(panel, PanelGroup):
            for child in panel.children:
                walk(child, model)
        elif isinstance(panel, FieldPanel):
            field = model._meta.get_field(panel.field_name)
            help_text = panel.help_text or getattr(field, "help_text", "")
            found.append((f"{model.__name__}.{panel.field_name}", str(panel.heading or field.verbose_name), str(help_text or "")))
            if hasattr(field, "stream_block"):
                found.extend(block_fields(field.stream_block, f"{model.__name__}.{panel.field_name}"))

    walk(model.get_edit_handler() if hasattr(model, "get_edit_handler") else get_edit_handler(model), model)
    return found


def block_fields(block, where, seen=None):
    """(where, label, help text) of every field inside a stream of blocks, each block type once."""
    seen = set() if seen is None else seen
    found = []
    children = getattr(block, "child_blocks", None)
    if isinstance(block, blocks.ListBlock):
        children = {"item": block.child_block}
    for name, child in (children or {}).items():
        key = (type(block).__name__, name, type(child).__name__)
        if key in seen:
            continue
        seen.add(key)
        path = f"{where} › {name}"
        is_container = isinstance(child, (blocks.StructBlock, blocks.StreamBlock, blocks.ListBlock))
        in_a_stream = isinstance(block, blocks.StreamBlock)
        if not in_a_stream and not is_container:
            found.append((path, str(child.label), block_help_text(child)))
        elif in_a_stream and not is_container:
            found.append((path, str(child.label), block_help_text(child) or str(getattr(child.meta, "description", "") or "")))
        if is_container:
            found.extend(block_fields(child, path, seen))
    return found


def block_help_text(block):
    """Wagtail keeps a field block's help text on its form field, other blocks' on their options."""
    field = getattr(block, "field", None)
    return str(getattr(block.meta, "help_text", None) or getattr(field, "help_text", None) or "")
