"""QR codes as SVG (segno), for the join code on the wall and the personal check-in code."""

import base64
import io

import segno


def qr_svg(data, *, title=""):
    """The QR code of ``data`` as a standalone SVG document (bytes).

    ``svg_inline()`` leaves out the SVG namespace, which breaks the image in an
    ``<img>``; ``save(kind="svg")`` keeps it.
    """
    buffer = io.BytesIO()
    segno.make(data, error="m").save(
        buffer, kind="svg", scale=8, border=2, dark="#000000", light="#ffffff", xmldecl=False, title=title or None
    )
    return buffer.getvalue()


def qr_data_uri(data, *, title=""):
    """The SVG as a ``data:`` address for an ``<img src>`` (allowed by the CSP's img-src)."""
    return "data:image/svg+xml;base64," + base64.b64encode(qr_svg(data, title=title)).decode("ascii")
