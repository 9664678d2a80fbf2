"""``{% kept %}``: a part of a page rendered once per change of what it shows, for everyone alike.

    {% load kept %}
    {% kept "board" kinds="factors,site" vary=board_vary %}…{% endkept %}

The part is kept by ``cop.cache.cached_by_content`` under its name, the language, the
versions of ``kinds`` (``cop.versions.KINDS``) and ``vary`` (anything else it depends on:
filters, the viewer's audience), and shared by visitors and members. Use it only for
parts without anything of one viewer in them (no CSRF token, no nonce, no name of the
signed-in member, no edit links that depend on who looks): the view states the rest in ``vary``.
"""

from django import template
from django.utils.safestring import mark_safe

from cop.cache import cached_by_content

register = template.Library()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, kinds, vary):
        self.nodelist, self.name, self.kinds, self.vary = nodelist, name, kinds, vary

    def render(self, context):
        name = self.name.resolve(context)
        kinds = tuple(kind.strip() for kind in str(self.kinds.resolve(context)).split(",") if kind.strip())
        vary = self.vary.resolve(context) if self.vary is not None else None
        html = cached_by_content(f"fragment:{name}", lambda: str(self.nodelist.render(context)), kinds=kinds, vary=vary)
        return mark_safe(html)


@register.tag("kept")
def do_kept(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError('Usage: {% kept "name" kinds="a,b" [vary=value] %}')
    options = {}
    for bit in bits[2:]:
        key, _sep, value = bit.partition("=")
        if key not in ("kinds", "vary") or not value:
            raise template.TemplateSyntaxError(f"{bits[0]}: unknown option {bit!r}")
        options[key] = parser.compile_filter(value)
    if "kinds" not in options:
        raise template.TemplateSyntaxError(f"{bits[0]} needs kinds=")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]), options["kinds"], options.get("vary"))
