"""The portal's identity: its emblem (an uploaded SVG or PNG, or our own default mark), the
icons made from it, and the colour tokens editors may change (Settings → Thông tin cổng)."""
