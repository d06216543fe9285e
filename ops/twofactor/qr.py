"""The enrolment QR code as inline SVG (segno): no image request, no script, no data: URL."""

import segno


def qr_svg(data):
    return segno.make(data, error="m").svg_inline(scale=5, title="otpauth", border=2)
