"""Optional two-factor login for staff (STAFF_TWO_FACTOR): a TOTP code after the password.

django-otp provides the devices (TOTP, RFC 6238) and request.user.is_verified(); this package
adds the Wagtail admin step: enrolment (QR code) on first login, then a code at every login.
"""
