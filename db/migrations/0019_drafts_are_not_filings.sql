-- Until now building a packet marked its claimants filed (is_on_filing, filed_at), which put them
-- under the legal hold and counted them as 소 제기 on the dashboard, the report and the public
-- stats. A packet is a draft until a lawyer records the court filing (court_filings, 0018), so
-- claimants on no recorded filing are not filed. The rollup triggers take the counts down in the
-- same statement. A packet that was in fact filed gets its claimants back when its filing is
-- recorded on the packet's page.
UPDATE claimants c SET is_on_filing = false, filed_at = NULL
WHERE (c.is_on_filing OR c.filed_at IS NOT NULL)
  AND NOT EXISTS (
    SELECT 1 FROM filing_claimants fc JOIN court_filings cf ON cf.filing_id = fc.filing_id WHERE fc.claimant_id = c.id
  );
