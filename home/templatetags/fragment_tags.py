"""{% fragment "name" part… %}…{% endfragment %}: HTML rendered once per page-cache generation.

For the costly parts of a page that depend only on published content and the
practice's settings (an article's body, the list of topics, the footer), so an
uncached page still renders quickly. Whatever empties the page cache empties
these too (home.fragments); previews are always rendered afresh. Never wrap
anything that varies per visitor or per request: a form (its CSRF token), the
search box's query, the current page marked in the menu.
"""

from django import template
from django.utils.safestring import mark_safe

from home.fragments import cached_for

register = template.Library()


@register.tag
def fragment(parser, token):
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("{% fragment %} needs a name, and the values the fragment depends on")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class FragmentNode(template.Node):
    def __init__(self, nodelist, parts):
        self.nodelist, self.parts = nodelist, parts

    def render(self, context):
        name = "html:" + ":".join(str(part.resolve(context)) for part in self.parts)
        return mark_safe(cached_for(context.get("request"), name, lambda: str(self.nodelist.render(context))))
