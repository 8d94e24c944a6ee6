-- manifest_reconciles: every file in force has rows_read = loaded + collapsed + quarantined (extracts.md).
-- severity: blocking
select delivery, file, rows_read, loaded, collapsed, quarantined
from manifest
where status in ('loaded', 'restated')
  and rows_read <> loaded + collapsed + quarantined
