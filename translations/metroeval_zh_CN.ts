<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MetroEval</name>
    <message>
        <source>Certificate no.</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>器具名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>型号规格</translation>
    </message>
    <message>
        <source>Serial no.</source>
        <translation>出厂编号</translation>
    </message>
    <message>
        <source>Manufacturer</source>
        <translation>制造单位</translation>
    </message>
    <message>
        <source>Manufacture date</source>
        <translation>出厂日期</translation>
    </message>
    <message>
        <source>Measuring range</source>
        <translation>测量范围</translation>
    </message>
    <message>
        <source>Accuracy class</source>
        <translation>准确度等级</translation>
    </message>
    <message>
        <source>MPE</source>
        <translation>最大允许误差</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>送检单位</translation>
    </message>
    <message>
        <source>District</source>
        <translation>所属地区</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>所属行业</translation>
    </message>
    <message>
        <source>Verification type</source>
        <translation>检定类别</translation>
    </message>
    <message>
        <source>Verification date</source>
        <translation>检定日期</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>检定结论</translation>
    </message>
    <message>
        <source>Failed items</source>
        <translation>不合格项目</translation>
    </message>
    <message>
        <source>Max. error</source>
        <translation>最大示值误差</translation>
    </message>
    <message>
        <source>Verifier</source>
        <translation>检定员</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>核验员</translation>
    </message>
    <message>
        <source>L1 Public</source>
        <translation>L1 公开</translation>
    </message>
    <message>
        <source>L2 Internal</source>
        <translation>L2 内部</translation>
    </message>
    <message>
        <source>L3 Sensitive</source>
        <translation>L3 敏感</translation>
    </message>
    <message>
        <source>L4 Important</source>
        <translation>L4 重要</translation>
    </message>
    <message>
        <source>Regulator</source>
        <translation>监管部门</translation>
    </message>
    <message>
        <source>Instrument user</source>
        <translation>使用单位</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Clopper–Pearson</source>
        <translation>Clopper–Pearson 精确法</translation>
    </message>
    <message>
        <source>Wilson</source>
        <translation>Wilson 得分法</translation>
    </message>
    <message>
        <source>File not found: %1</source>
        <translation>找不到文件：%1</translation>
    </message>
    <message>
        <source>Cannot read the file %1</source>
        <translation>无法读取文件 %1</translation>
    </message>
    <message>
        <source>Cannot write to %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Unknown text encoding %1</source>
        <translation>未知的文本编码 %1</translation>
    </message>
    <message>
        <source>The file has no header row: %1</source>
        <translation>文件没有表头行：%1</translation>
    </message>
    <message>
        <source>Required columns are missing: %1</source>
        <translation>缺少必需的列：%1</translation>
    </message>
    <message>
        <source>The column mapping is invalid at %1</source>
        <translation>列映射在 %1 处无效</translation>
    </message>
    <message>
        <source>Workspace database error: %1</source>
        <translation>工作区数据库错误：%1</translation>
    </message>
    <message>
        <source>The workspace was written by a newer MetroEval (schema %1)</source>
        <translation>该工作区由更新版本的 MetroEval 创建（架构版本 %1）</translation>
    </message>
    <message>
        <source>Cancelled; the workspace is unchanged</source>
        <translation>已取消，工作区未作任何更改</translation>
    </message>
    <message>
        <source>The evaluation plan is invalid at %1</source>
        <translation>评价方案在 %1 处无效</translation>
    </message>
    <message>
        <source>The result file is invalid at %1</source>
        <translation>结果文件在 %1 处无效</translation>
    </message>
    <message>
        <source>No records fall in the scope of the plan</source>
        <translation>评价范围内没有记录</translation>
    </message>
    <message>
        <source>(blank)</source>
        <translation>（空白）</translation>
    </message>
    <message>
        <source>small sample</source>
        <translation>样本量不足</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>检定数</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>合格数</translation>
    </message>
    <message>
        <source>Pass rate</source>
        <translation>合格率</translation>
    </message>
    <message>
        <source>%1 % interval</source>
        <translation>%1% 置信区间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Data level: %1</source>
        <translation>数据级别：%1</translation>
    </message>
    <message>
        <source>Instrument performance evaluation</source>
        <translation>计量器具性能评价</translation>
    </message>
    <message>
        <source>Report for: %1 · Evaluated %2 · MetroEval %3</source>
        <translation>报告对象：%1 · 评价时间 %2 · MetroEval %3</translation>
    </message>
    <message>
        <source>Pass rate by %1</source>
        <translation>按%1统计的合格率</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) in scope from %1 import batch(es). Intervals: %2 at %3 %; groups with fewer than %4 records are marked as small samples.</source>
        <translation>
            <numerusform>评价范围内共 %n 条记录，来自 %1 个导入批次。置信区间：%2，置信水平 %3%；记录数少于 %4 的分组标记为样本量不足。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pass rate (%)</source>
        <translation>合格率（%）</translation>
    </message>
    <message>
        <source>withheld (small sample)</source>
        <translation>不予公开（样本量不足）</translation>
    </message>
    <message>
        <source>cannot start the PDF painter</source>
        <translation>无法开始绘制 PDF</translation>
    </message>
    <message>
        <source>Pass rate overview</source>
        <translation>合格率概览</translation>
    </message>
    <message>
        <source>About MetroEval</source>
        <translation>关于 MetroEval</translation>
    </message>
    <message>
        <source>MetroEval %1
Performance evaluation of measuring instruments from traceability data.</source>
        <translation>MetroEval %1
利用溯源数据进行计量器具性能评价。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New Workspace...</source>
        <translation>新建工作区(&amp;N)...</translation>
    </message>
    <message>
        <source>&amp;Open Workspace...</source>
        <translation>打开工作区(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Import Records...</source>
        <translation>导入记录(&amp;I)...</translation>
    </message>
    <message>
        <source>&amp;Export PDF Report...</source>
        <translation>导出 PDF 报告(&amp;E)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About MetroEval</source>
        <translation>关于 MetroEval(&amp;A)</translation>
    </message>
    <message>
        <source>Group by:</source>
        <translation>分组：</translation>
    </message>
    <message>
        <source>MetroEval — Instrument Performance Evaluation</source>
        <translation>MetroEval — 计量器具性能评价工作台</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) evaluated</source>
        <translation>
            <numerusform>已评价 %n 条记录</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个分组</numerusform>
        </translation>
    </message>
    <message>
        <source>The workspace holds no records yet. Import an export to begin.</source>
        <translation>工作区中还没有记录。请先导入检定数据。</translation>
    </message>
    <message>
        <source>Open or create a workspace to begin.</source>
        <translation>请打开或新建一个工作区。</translation>
    </message>
    <message>
        <source>Open or create a workspace first.</source>
        <translation>请先打开或新建一个工作区。</translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>正在导入 %1...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Imported %1: %2 new, %3 duplicate, %4 quarantined of %5 rows</source>
        <translation>已导入 %1：共 %5 行，新增 %2，重复 %3，隔离 %4</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>无法写入报告：%1</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>新建工作区</translation>
    </message>
    <message>
        <source>MetroEval workspace (*.metroeval)</source>
        <translation>MetroEval 工作区 (*.metroeval)</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>打开工作区</translation>
    </message>
    <message>
        <source>Import Records</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>Export PDF Report</source>
        <translation>导出 PDF 报告</translation>
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
        <translation>MetroEval 计量器具性能评价工作台</translation>
    </message>
    <message>
        <source>Workspace file (*.metroeval) to open</source>
        <translation>要打开的工作区文件 (*.metroeval)</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>完整性</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效性</translation>
    </message>
    <message>
        <source>Consistency</source>
        <translation>一致性</translation>
    </message>
    <message>
        <source>Uniqueness</source>
        <translation>唯一性</translation>
    </message>
    <message>
        <source>Timeliness</source>
        <translation>时效性</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确性</translation>
    </message>
    <message>
        <source>Data fingerprint %1 · Highest data level in this report: %2 · Page %3</source>
        <translation>数据指纹 %1 · 本报告所含最高数据级别：%2 · 第 %3 页</translation>
    </message>
    <message>
        <source>Data quality (GB/T 36344)</source>
        <translation>数据质量（GB/T 36344）</translation>
    </message>
    <message>
        <source>%1 records imported; %2 evaluated after cleaning, %3 masked.</source>
        <translation>共导入 %1 条记录；清洗后参与评价 %2 条，屏蔽 %3 条。</translation>
    </message>
    <message>
        <source>%1 records imported; the data have not been cleaned.</source>
        <translation>共导入 %1 条记录；数据尚未清洗。</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <source>Values checked</source>
        <translation>检查数</translation>
    </message>
    <message>
        <source>Problems as imported</source>
        <translation>导入时问题数</translation>
    </message>
    <message>
        <source>Problems left</source>
        <translation>清洗后剩余问题</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Quarantine</source>
        <translation>隔离区</translation>
    </message>
    <message>
        <source>Alias Review</source>
        <translation>别名审核</translation>
    </message>
    <message>
        <source>Data Quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Evaluating… %p%</source>
        <translation>正在评价… %p%</translation>
    </message>
    <message>
        <source>A quote mark is not closed or stands inside an unquoted cell; check the cell and remove or double the quote.</source>
        <translation>引号未闭合，或出现在未加引号的单元格中；请检查该单元格，删除多余的引号或将其写成两个引号。</translation>
    </message>
    <message>
        <source>The row has a different number of cells than the header; a cell was dropped, repeated or split by a delimiter.</source>
        <translation>该行的单元格数与表头不一致；可能有单元格缺失、重复，或被分隔符拆开。</translation>
    </message>
    <message>
        <source>A required value (certificate number, instrument, verification date or conclusion) is empty; fill it in.</source>
        <translation>缺少必填值（证书编号、器具名称、检定日期或检定结论）；请补充。</translation>
    </message>
    <message>
        <source>The date cannot be read or does not exist (e.g. 30 February); enter it as 2023-05-01.</source>
        <translation>日期无法识别或不存在（如 2 月 30 日）；请按 2023-05-01 的格式填写。</translation>
    </message>
    <message>
        <source>The conclusion is not a known word; use 合格 or 不合格.</source>
        <translation>检定结论不是可识别的用语；请填写“合格”或“不合格”。</translation>
    </message>
    <message>
        <source>The number or its unit cannot be read; the text was kept.</source>
        <translation>数值或单位无法识别；已保留原文。</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>分号</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Vertical bar</source>
        <translation>竖线</translation>
    </message>
    <message>
        <source>Export File</source>
        <translation>导出文件</translation>
    </message>
    <message>
        <source>Choose the CSV or Excel (XLSX) export of the institute&apos;s system.</source>
        <translation>请选择本机构信息系统导出的 CSV 或 Excel（XLSX）文件。</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Exports (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>导出文件 (*.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Check that the text and the columns look right; change the encoding, delimiter or sheet if they do not.</source>
        <translation>请检查文字和列是否正确；如不正确，请更改编码、分隔符或工作表。</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>First sheet</source>
        <translation>第一个工作表</translation>
    </message>
    <message>
        <source>Excel workbook, sheet &quot;%1&quot;, %2 date system</source>
        <translation>Excel 工作簿，工作表“%1”，%2 日期系统</translation>
    </message>
    <message>
        <source>Detected encoding: %1; delimiter: %2</source>
        <translation>检测到的编码：%1；分隔符：%2</translation>
    </message>
    <message>
        <source>Column Mapping</source>
        <translation>列映射</translation>
    </message>
    <message>
        <source>Check the suggested column for each field; fields marked * are required.</source>
        <translation>请核对每个字段建议对应的列；标 * 的字段为必填。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>File column</source>
        <translation>文件列</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>Apply Profile</source>
        <translation>应用方案</translation>
    </message>
    <message>
        <source>Save Profile</source>
        <translation>保存方案</translation>
    </message>
    <message>
        <source>Export Profile...</source>
        <translation>导出方案...</translation>
    </message>
    <message>
        <source>The first rows as they would be imported:</source>
        <translation>前几行的导入效果：</translation>
    </message>
    <message>
        <source>Export Mapping Profile</source>
        <translation>导出映射方案</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>(not in file)</source>
        <translation>（文件中没有）</translation>
    </message>
    <message>
        <source>Required fields without a column: %1</source>
        <translation>以下必填字段没有对应的列：%1</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Quarantine: %1</source>
        <translation>隔离：%1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Import (values kept as text)</source>
        <translation>导入（部分值按文本保留）</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>合格</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>不合格</translation>
    </message>
    <message>
        <source>Cancel Import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <source>Every row becomes a record, a duplicate or a quarantined row. Cancelling leaves the workspace as it was.</source>
        <translation>每一行都会成为记录、重复行或隔离行。取消导入不会改动工作区。</translation>
    </message>
    <message>
        <source>Done: %1 rows read.</source>
        <translation>完成：已读取 %1 行。</translation>
    </message>
    <message>
        <source>Cancelled; nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Import Summary</source>
        <translation>导入汇总</translation>
    </message>
    <message>
        <source>%1: %2 rows read = %3 imported (%4 new versions) + %5 duplicates + %6 quarantined.</source>
        <translation>%1：读取 %2 行 = 导入 %3 行（其中新版本 %4 行）+ 重复 %5 行 + 隔离 %6 行。</translation>
    </message>
    <message>
        <source>%1 imported records keep some values as text that could not be read as dates or numbers.</source>
        <translation>已导入的记录中有 %1 条含有无法识别为日期或数值的值，已按文本保留。</translation>
    </message>
    <message>
        <source>%1 rows: %2</source>
        <translation>%1 行：%2</translation>
    </message>
    <message>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Re-import Corrected Row</source>
        <translation>重新导入已更正的行</translation>
    </message>
    <message>
        <source>Correct the cells of the selected row, then re-import it.</source>
        <translation>请更正所选行的单元格，然后重新导入。</translation>
    </message>
    <message>
        <source>Rows that were not imported:</source>
        <translation>未导入的行：</translation>
    </message>
    <message>
        <source>Cells of the selected row:</source>
        <translation>所选行的单元格：</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>Line %1 was imported.</source>
        <translation>第 %1 行已导入。</translation>
    </message>
    <message>
        <source>Line %1 was imported as a new version of its certificate.</source>
        <translation>第 %1 行已作为该证书的新版本导入。</translation>
    </message>
    <message>
        <source>Line %1 duplicates a record already in the workspace.</source>
        <translation>第 %1 行与工作区中已有记录重复。</translation>
    </message>
    <message>
        <source>Line %1 still cannot be imported: %2</source>
        <translation>第 %1 行仍无法导入：%2</translation>
    </message>
    <message>
        <source>different plant numbers</source>
        <translation>分厂编号不同</translation>
    </message>
    <message>
        <source>different places</source>
        <translation>所在地不同</translation>
    </message>
    <message>
        <source>rejected before</source>
        <translation>曾被拒绝</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Spelling</source>
        <translation>写法</translation>
    </message>
    <message>
        <source>Merge into</source>
        <translation>合并为</translation>
    </message>
    <message>
        <source>Blocked by</source>
        <translation>阻止原因</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决定</translation>
    </message>
    <message>
        <source>%1 records, %2 – %3</source>
        <translation>%1 条记录，%2 – %3</translation>
    </message>
    <message>
        <source>Models: %1</source>
        <translation>型号：%1</translation>
    </message>
    <message>
        <source>Place: %1; name core: %2; legal form: %3</source>
        <translation>地名：%1；名称主体：%2；组织形式：%3</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Edit target…</source>
        <translation>编辑目标名称…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Apply decisions</source>
        <translation>应用决定</translation>
    </message>
    <message>
        <source>Run the cleaning again so that the decisions take effect</source>
        <translation>重新运行清洗，使决定生效</translation>
    </message>
    <message>
        <source>%1 suggestions, %2 pending</source>
        <translation>共 %1 条建议，%2 条待审核</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>未打开工作区</translation>
    </message>
    <message>
        <source>&lt;p&gt;Score %1 = 0.75 × name %2 + 0.25 × models %3&lt;/p&gt;</source>
        <translation>&lt;p&gt;得分 %1 = 0.75 × 名称相似度 %2 + 0.25 × 型号重合度 %3&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Never merged automatically: %1</source>
        <translation>不会自动合并：%1</translation>
    </message>
    <message>
        <source>Canonical manufacturer name:</source>
        <translation>规范制造单位名称：</translation>
    </message>
    <message>
        <source>Accept %1 → %2</source>
        <translation>接受 %1 → %2</translation>
    </message>
    <message>
        <source>Reject %1 → %2</source>
        <translation>拒绝 %1 → %2</translation>
    </message>
    <message>
        <source>Cleaning failed: %1</source>
        <translation>清洗失败：%1</translation>
    </message>
    <message>
        <source>Cleaning applied: %1 records changed, %2 masked</source>
        <translation>清洗完成：修改 %1 条记录，屏蔽 %2 条</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不适用</translation>
    </message>
    <message>
        <source> (%1 records)</source>
        <translation>（%1 条记录）</translation>
    </message>
    <message>
        <source>Dimension / field</source>
        <translation>维度 / 字段</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>检查数</translation>
    </message>
    <message>
        <source>Issues as imported</source>
        <translation>导入时问题数</translation>
    </message>
    <message>
        <source>Issues left</source>
        <translation>剩余问题数</translation>
    </message>
    <message>
        <source>Score as imported</source>
        <translation>导入时得分</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Scope:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>All batches</source>
        <translation>全部批次</translation>
    </message>
    <message>
        <source>Batch %1: %2</source>
        <translation>批次 %1：%2</translation>
    </message>
    <message>
        <source>GB/T 36344-2018 · %1 records, %2 used by evaluations, %3 masked · cleaning run %4</source>
        <translation>GB/T 36344-2018 · 共 %1 条记录，%2 条参与评价，%3 条已屏蔽 · 清洗运行 %4</translation>
    </message>
    <message>
        <source>Cleaning Log</source>
        <translation>清洗日志</translation>
    </message>
    <message>
        <source>Same model key at %1: the spelling %2 has %3 of its %4 records (share %5).</source>
        <translation>%1 的同一型号键：规范写法 %2 占该型号 %4 条记录中的 %3 条（占比 %5）。</translation>
    </message>
    <message>
        <source>Merged automatically until a decision is made.</source>
        <translation>在作出决定之前自动合并。</translation>
    </message>
    <message>
        <source>Manufacturers</source>
        <translation>制造单位</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>型号</translation>
    </message>
    <message>
        <source>Cleaning runs…</source>
        <translation>正在清洗…</translation>
    </message>
    <message>
        <source>Canonical model spelling:</source>
        <translation>规范型号写法：</translation>
    </message>
    <message>
        <source>reverted</source>
        <translation>已还原</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>After</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Revert entry</source>
        <translation>还原此条</translation>
    </message>
    <message>
        <source>Revert rule</source>
        <translation>还原整条规则</translation>
    </message>
    <message>
        <source>Undo this change now; later runs do not repeat it</source>
        <translation>立即还原此项修改；以后的清洗不再重复</translation>
    </message>
    <message>
        <source>Undo every change of this rule now; later runs do not repeat them</source>
        <translation>立即还原此规则的全部修改；以后的清洗不再重复</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>全部规则</translation>
    </message>
    <message>
        <source>Not cleaned yet</source>
        <translation>尚未清洗</translation>
    </message>
    <message>
        <source>Run %1: %2 entries, %3 reverted</source>
        <translation>第 %1 次清洗：%2 条日志，%3 条已还原</translation>
    </message>
    <message>
        <source>Revert %1: %2 → %3</source>
        <translation>还原 %1：%2 → %3</translation>
    </message>
    <message>
        <source>Revert rule %1</source>
        <translation>还原规则 %1</translation>
    </message>
    <message>
        <source>Full-width and spacing</source>
        <translation>全角与空白</translation>
    </message>
    <message>
        <source>Conclusion wording</source>
        <translation>结论用语</translation>
    </message>
    <message>
        <source>Date format</source>
        <translation>日期格式</translation>
    </message>
    <message>
        <source>Canonical unit</source>
        <translation>标准单位</translation>
    </message>
    <message>
        <source>Manufacturer alias</source>
        <translation>制造单位别名</translation>
    </message>
    <message>
        <source>Model spelling</source>
        <translation>型号写法</translation>
    </message>
    <message>
        <source>Duplicate certificate</source>
        <translation>重复证书</translation>
    </message>
    <message>
        <source>Conclusion vs. error</source>
        <translation>结论与误差不符</translation>
    </message>
    <message>
        <source>MPE vs. accuracy class</source>
        <translation>最大允许误差与准确度等级不符</translation>
    </message>
    <message>
        <source>Due before verification</source>
        <translation>有效期早于检定日期</translation>
    </message>
    <message>
        <source>Due beyond interval</source>
        <translation>有效期超出检定周期</translation>
    </message>
    <message>
        <source>Verified before manufacture</source>
        <translation>检定早于出厂</translation>
    </message>
    <message>
        <source>Date in the future</source>
        <translation>未来日期</translation>
    </message>
    <message>
        <source>Verified twice in one day</source>
        <translation>同日重复检定</translation>
    </message>
    <message>
        <source>Missing critical field</source>
        <translation>缺少关键字段</translation>
    </message>
    <message>
        <source>Unreadable date</source>
        <translation>无法识别的日期</translation>
    </message>
    <message>
        <source>Unknown unit</source>
        <translation>未知单位</translation>
    </message>
    <message>
        <source>Before company rename</source>
        <translation>早于企业更名</translation>
    </message>
</context>
</TS>
