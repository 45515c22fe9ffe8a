"""DSC: subscriber dashboard (profile, device, FA, HLR, recharges, call details, UPCC) and GOL."""
