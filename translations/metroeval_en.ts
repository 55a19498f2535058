<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>MetroEval</name>
    <message>
        <source>Certificate no.</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>Manufacturer</translation>
    </message>
    <message>
        <source>Manufacture date</source>
        <translation>Manufacture date</translation>
    </message>
    <message>
        <source>Measuring range</source>
        <translation>Measuring range</translation>
    </message>
    <message>
        <source>Accuracy class</source>
        <translation>Accuracy class</translation>
    </message>
    <message>
        <source>MPE</source>
        <translation>MPE</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Verification type</source>
        <translation>Verification type</translation>
    </message>
    <message>
        <source>Verification date</source>
        <translation>Verification date</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>Failed items</source>
        <translation>Failed items</translation>
    </message>
    <message>
        <source>Max. error</source>
        <translation>Max. error</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>Verifier</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>Checker</translation>
    </message>
    <message>
        <source>L1 Public</source>
        <translation>L1 Public</translation>
    </message>
    <message>
        <source>L2 Internal</source>
        <translation>L2 Internal</translation>
    </message>
    <message>
        <source>L3 Sensitive</source>
        <translation>L3 Sensitive</translation>
    </message>
    <message>
        <source>L4 Important</source>
        <translation>L4 Important</translation>
    </message>
    <message>
        <source>Regulator</source>
        <translation>Regulator</translation>
    </message>
    <message>
        <source>Instrument user</source>
        <translation>Instrument user</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Internal</translation>
    </message>
    <message>
        <source>Clopper–Pearson</source>
        <translation>Clopper–Pearson</translation>
    </message>
    <message>
        <source>Wilson</source>
        <translation>Wilson</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>File not found: %1</translation>
    </message>
    <message>
        <source>Cannot read the file %1</source>
        <translation>Cannot read the file %1</translation>
    </message>
    <message>
        <source>Cannot write to %1</source>
        <translation>Cannot write to %1</translation>
    </message>
    <message>
        <source>Unknown text encoding %1</source>
        <translation>Unknown text encoding %1</translation>
    </message>
    <message>
        <source>The file has no header row: %1</source>
        <translation>The file has no header row: %1</translation>
    </message>
    <message>
        <source>Required columns are missing: %1</source>
        <translation>Required columns are missing: %1</translation>
    </message>
    <message>
        <source>The column mapping is invalid at %1</source>
        <translation>The column mapping is invalid at %1</translation>
    </message>
    <message>
        <source>Workspace database error: %1</source>
        <translation>Workspace database error: %1</translation>
    </message>
    <message>
        <source>The workspace was written by a newer MetroEval (schema %1)</source>
        <translation>The workspace was written by a newer MetroEval (schema %1)</translation>
    </message>
    <message>
        <source>Cancelled; the workspace is unchanged</source>
        <translation>Cancelled; the workspace is unchanged</translation>
    </message>
    <message>
        <source>The evaluation plan is invalid at %1</source>
        <translation>The evaluation plan is invalid at %1</translation>
    </message>
    <message>
        <source>The result file is invalid at %1</source>
        <translation>The result file is invalid at %1</translation>
    </message>
    <message>
        <source>No records fall in the scope of the plan</source>
        <translation>No records fall in the scope of the plan</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <source>small sample</source>
        <translation>small sample</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>Pass rate</translation>
    </message>
    <message>
        <source>%1 % interval</source>
        <translation>%1 % interval</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Data level: %1</source>
        <translation>Data level: %1</translation>
    </message>
    <message>
        <source>Instrument performance evaluation</source>
        <translation>Instrument performance evaluation</translation>
    </message>
    <message>
        <source>Report for: %1 · Evaluated %2 · MetroEval %3</source>
        <translation>Report for: %1 · Evaluated %2 · MetroEval %3</translation>
    </message>
    <message>
        <source>Pass rate by %1</source>
        <translation>Pass rate by %1</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in scope from %1 import batch(es). Intervals: %2 at %3 %; groups with fewer than %4 records are marked as small samples.</source>
        <translation>
            <numerusform>%n record in scope from %1 import batch. Intervals: %2 at %3 %; groups with fewer than %4 records are marked as small samples.</numerusform>
            <numerusform>%n records in scope from %1 import batches. Intervals: %2 at %3 %; groups with fewer than %4 records are marked as small samples.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pass rate (%)</source>
        <translation>Pass rate (%)</translation>
    </message>
    <message>
        <source>withheld (small sample)</source>
        <translation>withheld (small sample)</translation>
    </message>
    <message>
        <source>cannot start the PDF painter</source>
        <translation>cannot start the PDF painter</translation>
    </message>
    <message>
        <source>Pass rate overview</source>
        <translation>Pass rate overview</translation>
    </message>
    <message>
        <source>About MetroEval</source>
        <translation>About MetroEval</translation>
    </message>
    <message>
        <source>MetroEval %1
Performance evaluation of measuring instruments from traceability data.</source>
        <translation>MetroEval %1
Performance evaluation of measuring instruments from traceability data.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;New Workspace...</source>
        <translation>&amp;New Workspace...</translation>
    </message>
    <message>
        <source>&amp;Open Workspace...</source>
        <translation>&amp;Open Workspace...</translation>
    </message>
    <message>
        <source>&amp;Import Records...</source>
        <translation>&amp;Import Records...</translation>
    </message>
    <message>
        <source>&amp;Export PDF Report...</source>
        <translation>&amp;Export PDF Report...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About MetroEval</source>
        <translation>&amp;About MetroEval</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <source>MetroEval — Instrument Performance Evaluation</source>
        <translation>MetroEval — Instrument Performance Evaluation</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) evaluated</source>
        <translation>
            <numerusform>%n record evaluated</numerusform>
            <numerusform>%n records evaluated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message>
        <source>The workspace holds no records yet. Import an export to begin.</source>
        <translation>The workspace holds no records yet. Import an export to begin.</translation>
    </message>
    <message>
        <source>Open or create a workspace to begin.</source>
        <translation>Open or create a workspace to begin.</translation>
    </message>
    <message>
        <source>Open or create a workspace first.</source>
        <translation>Open or create a workspace first.</translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>Importing %1...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 duplicate, %4 quarantined of %5 rows</source>
        <translation>Imported %1: %2 new, %3 duplicate, %4 quarantined of %5 rows</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>The report could not be written: %1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Report written to %1</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>New Workspace</translation>
    </message>
    <message>
        <source>MetroEval workspace (*.metroeval)</source>
        <translation>MetroEval workspace (*.metroeval)</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Open Workspace</translation>
    </message>
    <message>
        <source>Import Records</source>
        <translation>Import Records</translation>
    </message>
    <message>
        <source>Export PDF Report</source>
        <translation>Export PDF Report</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>MetroEval</source>
        <translation>MetroEval</translation>
    </message>
    <message>
        <source>MetroEval workbench</source>
        <translation>MetroEval workbench</translation>
    </message>
    <message>
        <source>Workspace file (*.metroeval) to open</source>
        <translation>Workspace file (*.metroeval) to open</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>Completeness</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>Validity</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>Consistency</translation>
    </message>
    <message>
        <source>Uniqueness</source>
        <translation>Uniqueness</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>Timeliness</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <source>Data fingerprint %1 · Highest data level in this report: %2 · Page %3</source>
        <translation>Data fingerprint %1 · Highest data level in this report: %2 · Page %3</translation>
    </message>
    <message>
        <source>Data quality (GB/T 36344)</source>
        <translation>Data quality (GB/T 36344)</translation>
    </message>
    <message>
        <source>%1 records imported; %2 evaluated after cleaning, %3 masked.</source>
        <translation>%1 records imported; %2 evaluated after cleaning, %3 masked.</translation>
    </message>
    <message>
        <source>%1 records imported; the data have not been cleaned.</source>
        <translation>%1 records imported; the data have not been cleaned.</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Values checked</source>
        <translation>Values checked</translation>
    </message>
    <message>
        <source>Problems as imported</source>
        <translation>Problems as imported</translation>
    </message>
    <message>
        <source>Problems left</source>
        <translation>Problems left</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>Quarantine</translation>
    </message>
    <message>
        <source>Alias Review</source>
        <translation>Alias Review</translation>
    </message>
    <message>
        <source>Data Quality</source>
        <translation>Data Quality</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Panels</translation>
    </message>
    <message>
        <source>Evaluating… %p%</source>
        <translation>Evaluating… %p%</translation>
    </message>
    <message>
        <source>A quote mark is not closed or stands inside an unquoted cell; check the cell and remove or double the quote.</source>
        <translation>A quote mark is not closed or stands inside an unquoted cell; check the cell and remove or double the quote.</translation>
    </message>
    <message>
        <source>The row has a different number of cells than the header; a cell was dropped, repeated or split by a delimiter.</source>
        <translation>The row has a different number of cells than the header; a cell was dropped, repeated or split by a delimiter.</translation>
    </message>
    <message>
        <source>A required value (certificate number, instrument, verification date or conclusion) is empty; fill it in.</source>
        <translation>A required value (certificate number, instrument, verification date or conclusion) is empty; fill it in.</translation>
    </message>
    <message>
        <source>The date cannot be read or does not exist (e.g. 30 February); enter it as 2023-05-01.</source>
        <translation>The date cannot be read or does not exist (e.g. 30 February); enter it as 2023-05-01.</translation>
    </message>
    <message>
        <source>The conclusion is not a known word; use 合格 or 不合格.</source>
        <translation>The conclusion is not a known word; use 合格 or 不合格.</translation>
    </message>
    <message>
        <source>The number or its unit cannot be read; the text was kept.</source>
        <translation>The number or its unit cannot be read; the text was kept.</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>Comma</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>Semicolon</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>Vertical bar</source>
        <translation>Vertical bar</translation>
    </message>
    <message>
        <source>Export File</source>
        <translation>Export File</translation>
    </message>
    <message>
        <source>Choose the CSV or Excel (XLSX) export of the institute&apos;s system.</source>
        <translation>Choose the CSV or Excel (XLSX) export of the institute&apos;s system.</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>Browse...</translation>
    </message>
    <message>
        <source>Exports (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Exports (*.csv *.txt *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Check that the text and the columns look right; change the encoding, delimiter or sheet if they do not.</source>
        <translation>Check that the text and the columns look right; change the encoding, delimiter or sheet if they do not.</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Detect</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>Delimiter:</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <source>First sheet</source>
        <translation>First sheet</translation>
    </message>
    <message>
        <source>Excel workbook, sheet &quot;%1&quot;, %2 date system</source>
        <translation>Excel workbook, sheet &quot;%1&quot;, %2 date system</translation>
    </message>
    <message>
        <source>Detected encoding: %1; delimiter: %2</source>
        <translation>Detected encoding: %1; delimiter: %2</translation>
    </message>
    <message>
        <source>Column Mapping</source>
        <translation>Column Mapping</translation>
    </message>
    <message>
        <source>Check the suggested column for each field; fields marked * are required.</source>
        <translation>Check the suggested column for each field; fields marked * are required.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>File column</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profile name</translation>
    </message>
    <message>
        <source>Apply Profile</source>
        <translation>Apply Profile</translation>
    </message>
    <message>
        <source>Save Profile</source>
        <translation>Save Profile</translation>
    </message>
    <message>
        <source>Export Profile...</source>
        <translation>Export Profile...</translation>
    </message>
    <message>
        <source>The first rows as they would be imported:</source>
        <translation>The first rows as they would be imported:</translation>
    </message>
    <message>
        <source>Export Mapping Profile</source>
        <translation>Export Mapping Profile</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>(not in file)</source>
        <translation>(not in file)</translation>
    </message>
    <message>
        <source>Required fields without a column: %1</source>
        <translation>Required fields without a column: %1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Quarantine: %1</source>
        <translation>Quarantine: %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import (values kept as text)</source>
        <translation>Import (values kept as text)</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>Cancel Import</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importing</translation>
    </message>
    <message>
        <source>Every row becomes a record, a duplicate or a quarantined row. Cancelling leaves the workspace as it was.</source>
        <translation>Every row becomes a record, a duplicate or a quarantined row. Cancelling leaves the workspace as it was.</translation>
    </message>
    <message>
        <source>Done: %1 rows read.</source>
        <translation>Done: %1 rows read.</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>Cancelled; nothing was imported.</translation>
    </message>
    <message>
        <source>Import Summary</source>
        <translation>Import Summary</translation>
    </message>
    <message>
        <source>%1: %2 rows read = %3 imported (%4 new versions) + %5 duplicates + %6 quarantined.</source>
        <translation>%1: %2 rows read = %3 imported (%4 new versions) + %5 duplicates + %6 quarantined.</translation>
    </message>
    <message>
        <source>%1 imported records keep some values as text that could not be read as dates or numbers.</source>
        <translation>%1 imported records keep some values as text that could not be read as dates or numbers.</translation>
    </message>
    <message>
        <source>%1 rows: %2</source>
        <translation>%1 rows: %2</translation>
    </message>
    <message>
        <source>row</source>
        <translation>row</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Re-import Corrected Row</source>
        <translation>Re-import Corrected Row</translation>
    </message>
    <message>
        <source>Correct the cells of the selected row, then re-import it.</source>
        <translation>Correct the cells of the selected row, then re-import it.</translation>
    </message>
    <message>
        <source>Rows that were not imported:</source>
        <translation>Rows that were not imported:</translation>
    </message>
    <message>
        <source>Cells of the selected row:</source>
        <translation>Cells of the selected row:</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Line %1 was imported.</source>
        <translation>Line %1 was imported.</translation>
    </message>
    <message>
        <source>Line %1 was imported as a new version of its certificate.</source>
        <translation>Line %1 was imported as a new version of its certificate.</translation>
    </message>
    <message>
        <source>Line %1 duplicates a record already in the workspace.</source>
        <translation>Line %1 duplicates a record already in the workspace.</translation>
    </message>
    <message>
        <source>Line %1 still cannot be imported: %2</source>
        <translation>Line %1 still cannot be imported: %2</translation>
    </message>
    <message>
        <source>different plant numbers</source>
        <translation>different plant numbers</translation>
    </message>
    <message>
        <source>different places</source>
        <translation>different places</translation>
    </message>
    <message>
        <source>rejected before</source>
        <translation>rejected before</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>Spelling</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>Merge into</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>Blocked by</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>%1 records, %2 – %3</source>
        <translation>%1 records, %2 – %3</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>Models: %1</translation>
    </message>
    <message>
        <source>Place: %1; name core: %2; legal form: %3</source>
        <translation>Place: %1; name core: %2; legal form: %3</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Edit target…</source>
        <translation>Edit target…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Apply decisions</source>
        <translation>Apply decisions</translation>
    </message>
    <message>
        <source>Run the cleaning again so that the decisions take effect</source>
        <translation>Run the cleaning again so that the decisions take effect</translation>
    </message>
    <message>
        <source>%1 suggestions, %2 pending</source>
        <translation>%1 suggestions, %2 pending</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>No workspace open</translation>
    </message>
    <message>
        <source>&lt;p&gt;Score %1 = 0.75 × name %2 + 0.25 × models %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;Score %1 = 0.75 × name %2 + 0.25 × models %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Never merged automatically: %1</source>
        <translation>Never merged automatically: %1</translation>
    </message>
    <message>
        <source>Canonical manufacturer name:</source>
        <translation>Canonical manufacturer name:</translation>
    </message>
    <message>
        <source>Accept %1 → %2</source>
        <translation>Accept %1 → %2</translation>
    </message>
    <message>
        <source>Reject %1 → %2</source>
        <translation>Reject %1 → %2</translation>
    </message>
    <message>
        <source>Cleaning failed: %1</source>
        <translation>Cleaning failed: %1</translation>
    </message>
    <message>
        <source>Cleaning applied: %1 records changed, %2 masked</source>
        <translation>Cleaning applied: %1 records changed, %2 masked</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/a</translation>
    </message>
    <message>
        <source> (%1 records)</source>
        <translation> (%1 records)</translation>
    </message>
    <message>
        <source>Dimension / field</source>
        <translation>Dimension / field</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>Issues as imported</source>
        <translation>Issues as imported</translation>
    </message>
    <message>
        <source>Issues left</source>
        <translation>Issues left</translation>
    </message>
    <message>
        <source>Score as imported</source>
        <translation>Score as imported</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>Scope:</translation>
    </message>
    <message>
        <source>All batches</source>
        <translation>All batches</translation>
    </message>
    <message>
        <source>Batch %1: %2</source>
        <translation>Batch %1: %2</translation>
    </message>
    <message>
        <source>GB/T 36344-2018 · %1 records, %2 used by evaluations, %3 masked · cleaning run %4</source>
        <translation>GB/T 36344-2018 · %1 records, %2 used by evaluations, %3 masked · cleaning run %4</translation>
    </message>
    <message>
        <source>Cleaning Log</source>
        <translation>Cleaning Log</translation>
    </message>
    <message>
        <source>Same model key at %1: the spelling %2 has %3 of its %4 records (share %5).</source>
        <translation>Same model key at %1: the spelling %2 has %3 of its %4 records (share %5).</translation>
    </message>
    <message>
        <source>Merged automatically until a decision is made.</source>
        <translation>Merged automatically until a decision is made.</translation>
    </message>
    <message>
        <source>Manufacturers</source>
        <translation>Manufacturers</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <source>Cleaning runs…</source>
        <translation>Cleaning runs…</translation>
    </message>
    <message>
        <source>Canonical model spelling:</source>
        <translation>Canonical model spelling:</translation>
    </message>
    <message>
        <source>reverted</source>
        <translation>reverted</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Revert entry</source>
        <translation>Revert entry</translation>
    </message>
    <message>
        <source>Revert rule</source>
        <translation>Revert rule</translation>
    </message>
    <message>
        <source>Undo this change now; later runs do not repeat it</source>
        <translation>Undo this change now; later runs do not repeat it</translation>
    </message>
    <message>
        <source>Undo every change of this rule now; later runs do not repeat them</source>
        <translation>Undo every change of this rule now; later runs do not repeat them</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>All rules</translation>
    </message>
    <message>
        <source>Not cleaned yet</source>
        <translation>Not cleaned yet</translation>
    </message>
    <message>
        <source>Run %1: %2 entries, %3 reverted</source>
        <translation>Run %1: %2 entries, %3 reverted</translation>
    </message>
    <message>
        <source>Revert %1: %2 → %3</source>
        <translation>Revert %1: %2 → %3</translation>
    </message>
    <message>
        <source>Revert rule %1</source>
        <translation>Revert rule %1</translation>
    </message>
    <message>
        <source>Full-width and spacing</source>
        <translation>Full-width and spacing</translation>
    </message>
    <message>
        <source>Conclusion wording</source>
        <translation>Conclusion wording</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>Date format</translation>
    </message>
    <message>
        <source>Canonical unit</source>
        <translation>Canonical unit</translation>
    </message>
    <message>
        <source>Manufacturer alias</source>
        <translation>Manufacturer alias</translation>
    </message>
    <message>
        <source>Model spelling</source>
        <translation>Model spelling</translation>
    </message>
    <message>
        <source>Duplicate certificate</source>
        <translation>Duplicate certificate</translation>
    </message>
    <message>
        <source>Conclusion vs. error</source>
        <translation>Conclusion vs. error</translation>
    </message>
    <message>
        <source>MPE vs. accuracy class</source>
        <translation>MPE vs. accuracy class</translation>
    </message>
    <message>
        <source>Due before verification</source>
        <translation>Due before verification</translation>
    </message>
    <message>
        <source>Due beyond interval</source>
        <translation>Due beyond interval</translation>
    </message>
    <message>
        <source>Verified before manufacture</source>
        <translation>Verified before manufacture</translation>
    </message>
    <message>
        <source>Date in the future</source>
        <translation>Date in the future</translation>
    </message>
    <message>
        <source>Verified twice in one day</source>
        <translation>Verified twice in one day</translation>
    </message>
    <message>
        <source>Missing critical field</source>
        <translation>Missing critical field</translation>
    </message>
    <message>
        <source>Unreadable date</source>
        <translation>Unreadable date</translation>
    </message>
    <message>
        <source>Unknown unit</source>
        <translation>Unknown unit</translation>
    </message>
    <message>
        <source>Before company rename</source>
        <translation>Before company rename</translation>
    </message>
</context>
</TS>
