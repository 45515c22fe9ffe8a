"""AM lookup (Instacheck): the account manager of a company or SID, and the EOS stand-in."""
