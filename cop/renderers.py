from django.forms.renderers import TemplatesSetting


class SiteFormRenderer(TemplatesSetting):
    """Every form renders with the site's accessible markup: labels, help and an error summary."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
