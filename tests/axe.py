"""Run axe-core on a Playwright page once the page has settled.

The rich-text editor's toolbar draws its icons with a ligature font (Material
Icons: the text "undo" becomes an arrow). axe-core recognises icon ligatures and
leaves them out of the colour-contrast rule, but only once the font has loaded;
before that the buttons hold plain words in light grey, which a loaded machine
can catch, so axe waits for ``document.fonts.ready`` and for running CSS
transitions (the toolbar fades disabled buttons) to end.
"""

from axe_playwright_python.sync_playwright import Axe

# Endless animations (a pulsing timer) never finish: wait only for finite ones, at most 2 s.
SETTLED = """async () => {
  await document.fonts.ready;
  const finite = document.getAnimations().filter(
    (a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity
  );
  await Promise.race([
    Promise.all(finite.map((a) => a.finished.catch(() => null))),
    new Promise((resolve) => setTimeout(resolve, 2000)),
  ]);
}"""


# The rules of WCAG 2.1 A and AA; only violations are reported in full.
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def run_axe(page, options=WCAG_21_AA):
    page.evaluate(SETTLED)
    return Axe().run(page, options=options)
