"""Views of the case library, one module per concern; each view stays small (access → form → model → response)."""
