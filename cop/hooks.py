"""Hooks a higher app fills in for lower apps' templates, so that no lower layer imports it.

``notifications`` registers ``follow_button`` in its AppConfig.ready(); the factors, cases and
meetings templates call ``{% follow_button object %}`` (cop_tags), which renders nothing while no
app registered it.
"""

HOOKS = {}


def register(name, function):
    HOOKS[name] = function


def call(name, *args, default="", **kwargs):
    function = HOOKS.get(name)
    return function(*args, **kwargs) if function else default
