"""Indira: recharge status per MSISDN, Voucher Details (servo) and balance usage."""
