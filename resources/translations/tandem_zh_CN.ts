<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="79"/>
        <source>About Tandem</source>
        <translation>关于 Tandem</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="85"/>
        <source>An agent and an AI resolve escalated customer cases together.</source>
        <translation>坐席与 AI 协同处理升级的客户案例。</translation>
    </message>
</context>
<context>
    <name>Approvals</name>
    <message>
        <location filename="../../console/ui/approvals.py" line="99"/>
        <source>The facts are wrong</source>
        <translation>事实有误</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="100"/>
        <source>Against policy</source>
        <translation>违反政策</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="101"/>
        <source>The customer wants otherwise</source>
        <translation>客户另有意愿</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="104"/>
        <source>Tone</source>
        <translation>语气不当</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="105"/>
        <source>Information is missing</source>
        <translation>缺少信息</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="108"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ApprovalsDock</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="123"/>
        <location filename="../../console/ui/approvals.py" line="311"/>
        <source>Approvals</source>
        <translation>审批</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="124"/>
        <source>Approvals queue</source>
        <translation>审批队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="133"/>
        <source>Steps waiting</source>
        <translation>待审批步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="136"/>
        <source>Approvals message</source>
        <translation>审批提示</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="142"/>
        <source>Steps waiting for a supervisor</source>
        <translation>等待主管审批的步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="156"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="157"/>
        <source>Approve the selected steps</source>
        <translation>批准所选步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="159"/>
        <source>Approve the selected steps (refunds and credits one case at a time)</source>
        <translation>批准所选步骤（退款和账户抵扣每次只限一个案例）</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="163"/>
        <source>Reason for rejecting</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="164"/>
        <source>Reason for rejecting…</source>
        <translation>驳回原因…</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="170"/>
        <source>Note for the agent</source>
        <translation>给坐席的备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="171"/>
        <source>Note for the agent (optional)</source>
        <translation>给坐席的备注（可选）</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="173"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="174"/>
        <source>Reject the selected steps</source>
        <translation>驳回所选步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="175"/>
        <source>Reject the selected steps; choose a reason first</source>
        <translation>驳回所选步骤；请先选择原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="178"/>
        <source>Enter opens the case</source>
        <translation>按回车打开案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_notice.py" line="31"/>
        <source>Approval overdue on %1</source>
        <translation>%1 的审批已超时</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_notice.py" line="35"/>
        <source>%1 %2 for %3 has waited %4</source>
        <translation>%3 的%1 %2 已等待 %4</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_notice.py" line="50"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="300"/>
        <source>Nothing is waiting for a supervisor.</source>
        <translation>没有等待主管审批的步骤。</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="302"/>
        <source>1 step waiting</source>
        <translation>1 个步骤待审批</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="304"/>
        <source>%1 steps waiting</source>
        <translation>%1 个步骤待审批</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="306"/>
        <source>%1 overdue</source>
        <translation>%1 个已超时</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="366"/>
        <source>Approved 1 step</source>
        <translation>已批准 1 个步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="368"/>
        <source>Approved %1 steps</source>
        <translation>已批准 %1 个步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="389"/>
        <source>Rejected 1 step</source>
        <translation>已驳回 1 个步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals.py" line="391"/>
        <source>Rejected %1 steps</source>
        <translation>已驳回 %1 个步骤</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <location filename="../../console/ui/case_header.py" line="31"/>
        <source>Case header</source>
        <translation>案例概要</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="35"/>
        <location filename="../../console/ui/case_header.py" line="92"/>
        <source>No case open</source>
        <translation>未打开案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="36"/>
        <location filename="../../console/ui/case_header.py" line="93"/>
        <source>Pick a case from the queue.</source>
        <translation>请从队列中选择一个案例。</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="37"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="38"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="56"/>
        <source>Journey</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="57"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="58"/>
        <source>Owner</source>
        <translation>处理方</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="59"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="60"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="61"/>
        <source>Sentiment</source>
        <translation>情绪</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="130"/>
        <source>Not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="138"/>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="145"/>
        <source>Cues:</source>
        <translation>线索：</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="155"/>
        <source>wording</source>
        <translation>措辞</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="156"/>
        <source>negation</source>
        <translation>否定</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="157"/>
        <source>intensifier</source>
        <translation>加强语气</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="158"/>
        <source>repetition</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="159"/>
        <source>system event</source>
        <translation>系统事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="160"/>
        <source>punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <location filename="../../console/ui/case_header.py" line="116"/>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <location filename="../../console/ui/palette.py" line="91"/>
        <source>Command palette</source>
        <translation>命令面板</translation>
    </message>
    <message>
        <location filename="../../console/ui/palette.py" line="94"/>
        <source>Find a command</source>
        <translation>查找命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/palette.py" line="95"/>
        <source>Type to find a command; Enter runs it</source>
        <translation>输入以查找命令；按回车执行</translation>
    </message>
    <message>
        <location filename="../../console/ui/palette.py" line="98"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/palette.py" line="98"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../console/ui/palette.py" line="107"/>
        <source>Not available now</source>
        <translation>当前不可用</translation>
    </message>
    <message>
        <location filename="../../console/ui/palette.py" line="115"/>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../console/ui/palette.py" line="127"/>
        <source>No command matches.</source>
        <translation>没有匹配的命令。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <location filename="../../console/ui/crash.py" line="42"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../console/ui/crash.py" line="46"/>
        <source>Tandem hit an unexpected error: %1</source>
        <translation>Tandem 遇到意外错误：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/crash.py" line="50"/>
        <source>The details are in the log file:
%1</source>
        <translation>详细信息已写入日志文件：
%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/crash.py" line="53"/>
        <source>Your work is saved. If this keeps happening, restart Tandem.</source>
        <translation>您的工作已保存。如果问题反复出现，请重新启动 Tandem。</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="63"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="69"/>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="88"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="89"/>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="90"/>
        <source>Lifetime value</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="91"/>
        <source>Customer since</source>
        <translation>成为客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="92"/>
        <source>Consent</source>
        <translation>授权</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="115"/>
        <source>No customer</source>
        <translation>无客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="131"/>
        <source>preferred</source>
        <translation>首选</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="137"/>
        <source>Has contacted us once about this case</source>
        <translation>已就此案例联系我们 1 次</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="139"/>
        <source>Has contacted us %1 times about this case</source>
        <translation>已就此案例联系我们 %1 次</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="160"/>
        <source>AI processing</source>
        <translation>AI 处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="161"/>
        <source>Call recording</source>
        <translation>通话录音</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="162"/>
        <source>Marketing</source>
        <translation>营销信息</translation>
    </message>
    <message>
        <location filename="../../console/ui/customer_panel.py" line="148"/>
        <location filename="../../console/ui/customer_panel.py" line="164"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>DecisionControls</name>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="86"/>
        <source>Outcome of the last action</source>
        <translation>上一次操作的结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="92"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="92"/>
        <source>Approve every open step</source>
        <translation>批准所有未决步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="93"/>
        <source>Approve all open steps</source>
        <translation>批准所有未决步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="94"/>
        <source>Approve selected</source>
        <translation>批准所选</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="95"/>
        <source>Approve only the steps you ticked</source>
        <translation>只批准您勾选的步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="96"/>
        <source>Approve the selected steps</source>
        <translation>批准所选步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="97"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="97"/>
        <source>Edit the selected step&apos;s values</source>
        <translation>编辑所选步骤的参数</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="98"/>
        <source>Edit the selected step</source>
        <translation>编辑所选步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="99"/>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="100"/>
        <source>Reject the selected steps, or the whole plan, with a reason</source>
        <translation>说明原因，驳回所选步骤或整个计划</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="101"/>
        <source>Reject with a reason</source>
        <translation>说明原因并驳回</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="102"/>
        <source>Instruct…</source>
        <translation>指示…</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="103"/>
        <source>Tell the AI what to change and have it plan again</source>
        <translation>告诉 AI 要改什么，并让它重新规划</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="104"/>
        <source>Instruct the AI</source>
        <translation>指示 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="105"/>
        <location filename="../../console/ui/decision_controls.py" line="359"/>
        <location filename="../../console/ui/decision_controls.py" line="360"/>
        <source>Take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="106"/>
        <location filename="../../console/ui/decision_controls.py" line="363"/>
        <source>Work this case yourself; the AI stops proposing</source>
        <translation>由您亲自处理此案例；AI 停止提出方案</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="107"/>
        <location filename="../../console/ui/decision_controls.py" line="364"/>
        <source>Take the case over from the AI</source>
        <translation>从 AI 手中接管此案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="108"/>
        <source>Defer</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="108"/>
        <source>Decide later; nothing is done</source>
        <translation>稍后再决定；不执行任何操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="109"/>
        <source>Defer the decision</source>
        <translation>暂缓决定</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="351"/>
        <location filename="../../console/ui/decision_controls.py" line="352"/>
        <source>Hand back</source>
        <translation>交还</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="355"/>
        <source>Give the case back to the AI, which plans it again</source>
        <translation>把案例交还给 AI，由它重新规划</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_controls.py" line="356"/>
        <source>Hand the case back to the AI</source>
        <translation>把案例交还给 AI</translation>
    </message>
</context>
<context>
    <name>DecisionText</name>
    <message>
        <location filename="../../console/ui/decision_text.py" line="36"/>
        <source>Approved — waits for write-back</source>
        <translation>已批准——等待回写</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="38"/>
        <source>you</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="40"/>
        <source>Awaiting supervisor — asked by %1, %2</source>
        <translation>等待主管审批——由%1提交，%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="43"/>
        <source>Rejected (%1)</source>
        <translation>已驳回（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="44"/>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="52"/>
        <location filename="../../console/ui/decision_text.py" line="130"/>
        <source>Cannot be approved: %1</source>
        <translation>不能批准：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="53"/>
        <source>Cannot be approved in Tandem; a person does it outside: %1</source>
        <translation>不能在 Tandem 中批准；需由人员在外部处理：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="59"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="60"/>
        <source>Reshipments</source>
        <translation>补发</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="61"/>
        <source>Account credits</source>
        <translation>账户抵扣</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="62"/>
        <source>Replies to customers</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="63"/>
        <source>Requests to carriers</source>
        <translation>向承运商发出的请求</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="64"/>
        <source>Stock adjustments</source>
        <translation>库存调整</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="65"/>
        <source>Escalations</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="66"/>
        <source>Closing cases</source>
        <translation>关闭案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="69"/>
        <source>%1 are paused by a supervisor (%2, %3); this step cannot be approved now.</source>
        <translation>%1已被主管暂停（%2，%3）；此步骤目前不能批准。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="76"/>
        <source>Who may approve it is checked when you approve.</source>
        <translation>批准时会检查谁有权批准此步骤。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="79"/>
        <source>Will go to a supervisor: %1</source>
        <translation>将提交主管审批：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="82"/>
        <source>Decided as edited (the values shown).</source>
        <translation>已按编辑后的内容决定（即所示数值）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="89"/>
        <source>You have taken this case over: the AI is not proposing for it. Hand it back (Ctrl+T) to let the AI plan it again.</source>
        <translation>您已接管此案例：AI 不再为它提出方案。交还（Ctrl+T）后 AI 会重新规划。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="93"/>
        <source>%1 has taken this case over: the AI is not proposing for it, and only they or a supervisor may decide on it.</source>
        <translation>%1 已接管此案例：AI 不再为它提出方案，只有其本人或主管可以对它作出决定。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="99"/>
        <source>Look at each step&apos;s authority first: scrolled to the next one.</source>
        <translation>请先查看每个步骤的权限：已滚动到下一个。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="102"/>
        <source>Read the reasoning first: it is now in view. Then approve again.</source>
        <translation>请先阅读推理：现已显示。然后再次批准。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="106"/>
        <source>step %1 (%2): %3</source>
        <translation>第 %1 步（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="113"/>
        <source>Nothing was approved. Reject these steps first (tick them, Reject…), then approve the rest:</source>
        <translation>未批准任何步骤。请先驳回这些步骤（勾选后点“驳回…”），再批准其余步骤：</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="119"/>
        <source>Re-checking who may approve the edited step…</source>
        <translation>正在重新检查谁可以批准编辑后的步骤…</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="127"/>
        <source>You may approve it: %1</source>
        <translation>您可以批准：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="134"/>
        <source>Step %1 edited and ticked. Approve selected (Ctrl+Shift+Return) uses your version; approving re-checks who may approve it.</source>
        <translation>第 %1 步已编辑并勾选。“批准所选”（Ctrl+Shift+Return）将使用您的版本；批准时会重新检查谁有权批准。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="140"/>
        <source>Reject the whole plan (%1 open steps).</source>
        <translation>驳回整个计划（%1 个未决步骤）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="144"/>
        <source>Reject the selected steps: %1.</source>
        <translation>驳回所选步骤：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="148"/>
        <source>1 step</source>
        <translation>1 个步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="148"/>
        <source>%1 steps</source>
        <translation>%1 个步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="156"/>
        <source>Edited and approved %1</source>
        <translation>已编辑并批准%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="158"/>
        <source>Approved %1</source>
        <translation>已批准%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="162"/>
        <source>%1 sent to a supervisor</source>
        <translation>%1 个已提交主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="164"/>
        <source>Sent %1 to a supervisor</source>
        <translation>已将%1提交主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="169"/>
        <source>wrong facts</source>
        <translation>事实有误</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="170"/>
        <source>against policy</source>
        <translation>违反政策</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="171"/>
        <source>customer preference</source>
        <translation>客户意愿</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="172"/>
        <source>tone</source>
        <translation>语气</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="173"/>
        <source>missing information</source>
        <translation>缺少信息</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="174"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="181"/>
        <source>Rejected %1 (%2).</source>
        <translation>已驳回%1（%2）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="187"/>
        <source>Instruction kept for this case: “%1”.</source>
        <translation>已为此案例保存指示：“%1”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="190"/>
        <source>Re-planning with your instruction…</source>
        <translation>正在按您的指示重新规划…</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="193"/>
        <source>The AI is planning this case again…</source>
        <translation>AI 正在重新规划此案例…</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="196"/>
        <source>You took this case over.</source>
        <translation>您已接管此案例。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="199"/>
        <source>Handed back: the AI plans this case again.</source>
        <translation>已交还：AI 将重新规划此案例。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="202"/>
        <source>Deferred: nothing was done; the plan stays here for later.</source>
        <translation>已暂缓：未执行任何操作；计划保留在此，稍后处理。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="205"/>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="209"/>
        <source>Something went wrong; the case&apos;s timeline shows what was recorded: %1</source>
        <translation>出错了；案例时间线显示了已记录的内容：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_text.py" line="48"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="49"/>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="50"/>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="51"/>
        <source>Retrying</source>
        <translation>重试中</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="52"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="61"/>
        <source>Diagnostics</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="68"/>
        <location filename="../../console/ui/diagnostics.py" line="74"/>
        <source>Feed</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="68"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="68"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="68"/>
        <source>Since</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="69"/>
        <location filename="../../console/ui/diagnostics.py" line="87"/>
        <source>Live feeds</source>
        <translation>实时数据源</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="71"/>
        <source>No live feed has reported yet.</source>
        <translation>尚无实时数据源上报状态。</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="74"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="74"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="74"/>
        <source>Raw text</source>
        <translation>原始文本</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="75"/>
        <source>Quarantined events</source>
        <translation>已隔离的事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="79"/>
        <source>Log file: %1</source>
        <translation>日志文件：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="79"/>
        <source>not written (no log file)</source>
        <translation>未写入（无日志文件）</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="83"/>
        <source>Log file location</source>
        <translation>日志文件位置</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="154"/>
        <source>Quarantine: empty</source>
        <translation>隔离区：空</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="156"/>
        <source>Quarantine: 1 event could not be used</source>
        <translation>隔离区：1 个事件无法使用</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="158"/>
        <source>Quarantine: %1 events could not be used</source>
        <translation>隔离区：%1 个事件无法使用</translation>
    </message>
    <message>
        <location filename="../../console/ui/diagnostics.py" line="160"/>
        <source>(the newest %1 shown)</source>
        <translation>（显示最新的 %1 个）</translation>
    </message>
</context>
<context>
    <name>DigestPanel</name>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="40"/>
        <location filename="../../console/ui/digest_panel.py" line="70"/>
        <source>What the customer already told us</source>
        <translation>客户已经告诉我们的</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="45"/>
        <source>Show or hide what the customer already told us</source>
        <translation>显示或隐藏客户已经告诉我们的内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="51"/>
        <source>The customer&apos;s statements</source>
        <translation>客户的陈述</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="83"/>
        <source>Open a case to see what the customer has told us.</source>
        <translation>打开案例以查看客户已告诉我们的内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="90"/>
        <source>Reading the case…</source>
        <translation>正在读取案例…</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="97"/>
        <source>The case digest is not available in this version.</source>
        <translation>此版本不提供案例摘要。</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="110"/>
        <source>(repeated %1×)</source>
        <translation>（重复 %1 次）</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="116"/>
        <source>Enter or click: show it in the timeline</source>
        <translation>回车或单击：在时间线中显示</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="128"/>
        <source>Nothing the customer said stands out yet.</source>
        <translation>客户所说的内容暂无要点。</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="130"/>
        <source>Repeated themselves %1×</source>
        <translation>客户已重复 %1 次</translation>
    </message>
    <message>
        <location filename="../../console/ui/digest_panel.py" line="133"/>
        <source>%1 contacts</source>
        <translation>%1 次联系</translation>
    </message>
</context>
<context>
    <name>EventDetail</name>
    <message>
        <location filename="../../console/ui/event_detail.py" line="20"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="21"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="22"/>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="23"/>
        <source>Call duration (s)</source>
        <translation>通话时长（秒）</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="24"/>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="25"/>
        <source>About</source>
        <translation>相关对象</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="26"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="27"/>
        <source>Proposal</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="28"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="29"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="30"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="31"/>
        <source>Kind of decision</source>
        <translation>决策类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="32"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="33"/>
        <source>Execution</source>
        <translation>执行</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="34"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="35"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="36"/>
        <source>Remote reference</source>
        <translation>外部系统编号</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="37"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="53"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="54"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="56"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../console/ui/event_detail.py" line="59"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
</context>
<context>
    <name>ExecutionModel</name>
    <message>
        <location filename="../../console/ui/outbox_tables.py" line="53"/>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_tables.py" line="54"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_tables.py" line="55"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_tables.py" line="56"/>
        <source>For</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_tables.py" line="57"/>
        <source>Last error</source>
        <translation>最近的错误</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_tables.py" line="69"/>
        <source>Since %1</source>
        <translation>自 %1 起</translation>
    </message>
</context>
<context>
    <name>ExecutionText</name>
    <message>
        <location filename="../../console/ui/execution_status.py" line="84"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="85"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="86"/>
        <source>Tickets</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="87"/>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="88"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="89"/>
        <source>Account credits</source>
        <translation>账户抵扣</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="90"/>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="113"/>
        <source>you</source>
        <translation>您</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="133"/>
        <source>Undone by %1</source>
        <translation>已由%1撤销</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="135"/>
        <source>Being undone by %1 — %2</source>
        <translation>%1正在撤销 — %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="141"/>
        <source>Waiting: %1 down, retry at %2</source>
        <translation>等待中：%1不可用，%2 重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="143"/>
        <source>Waiting: %1 down; sent when it is back</source>
        <translation>等待中：%1不可用；恢复后发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="146"/>
        <source>Waiting: attempt %1 failed, retry at %2</source>
        <translation>等待中：第 %1 次尝试失败，%2 重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="152"/>
        <source>Queued for %1 — write-back is not running</source>
        <translation>排队发往%1 — 回写未运行</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="154"/>
        <source>Queued for %1</source>
        <translation>排队发往%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="156"/>
        <source>Sending… (attempt %1)</source>
        <translation>发送中…（第 %1 次尝试）</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="161"/>
        <source>Done — %1</source>
        <translation>已完成 — %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="162"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="165"/>
        <source>Done (confirmed) — %1</source>
        <translation>已完成（已确认） — %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="166"/>
        <source>Done (confirmed)</source>
        <translation>已完成（已确认）</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="168"/>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="169"/>
        <source>Refused by %1: %2</source>
        <translation>%1拒绝：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="172"/>
        <source>Outcome unknown — check %1</source>
        <translation>结果未知 — 请核查%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="173"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="178"/>
        <source>%1 in %2 · attempts: %3</source>
        <translation>%2中的%1 · 尝试次数：%3</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="184"/>
        <source>Last: %1</source>
        <translation>最近：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="186"/>
        <source>Reference: %1</source>
        <translation>编号：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="189"/>
        <source>Updated %1</source>
        <translation>更新于 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="190"/>
        <source>Idempotency key: %1</source>
        <translation>幂等键：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="197"/>
        <source>%1 queued</source>
        <translation>排队 %1 项</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="200"/>
        <source>%1 down since %2 — %3</source>
        <translation>%1自 %2 起不可用 — %3</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="204"/>
        <source>%1 down — %3</source>
        <translation>%1不可用 — %3</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="207"/>
        <source>%1: probing — %2</source>
        <translation>%1：探测中 — %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="209"/>
        <source>%1 up — %2</source>
        <translation>%1正常 — %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="215"/>
        <source>%1 failures in a row</source>
        <translation>连续失败 %1 次</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="217"/>
        <source>No failures</source>
        <translation>无失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="219"/>
        <source>Down since %1</source>
        <translation>自 %1 起不可用</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="220"/>
        <source>Actions waiting to be sent: %1</source>
        <translation>等待发送的操作：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="228"/>
        <source>Nothing changed: %1 is no longer waiting for that.</source>
        <translation>未做更改：%1已不在等待此操作。</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="232"/>
        <location filename="../../console/ui/execution_status.py" line="233"/>
        <source>Sent again: %1, with its original key.</source>
        <translation>已重新发送：%1，使用原来的幂等键。</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="234"/>
        <source>Cancelled: %1 will not be sent.</source>
        <translation>已取消：%1不会被发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="235"/>
        <source>Marked done: %1.</source>
        <translation>已标记为完成：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="236"/>
        <source>Marked not done: %1 is cancelled.</source>
        <translation>已标记为未完成：%1已取消。</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="243"/>
        <source>Undo of %1 sent to a supervisor.</source>
        <translation>%1的撤销已提交主管审批。</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="246"/>
        <source>Undo of %1 approved: it is sent next.</source>
        <translation>%1的撤销已批准：接下来发送。</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="251"/>
        <source>Not done: %1</source>
        <translation>未执行：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/execution_status.py" line="254"/>
        <source>Something went wrong: %1</source>
        <translation>出错了：%1</translation>
    </message>
</context>
<context>
    <name>FilterButton</name>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="30"/>
        <source>Filter the timeline</source>
        <translation>筛选时间线</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="31"/>
        <source>Show only some sources or kinds of event  (Ctrl+Shift+L)</source>
        <translation>只显示部分来源或类型的事件  (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="33"/>
        <source>Timeline filter</source>
        <translation>时间线筛选</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="34"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="38"/>
        <source>Kinds</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="43"/>
        <source>Show every event</source>
        <translation>显示全部事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="84"/>
        <source>Filter (%1)</source>
        <translation>筛选 (%1)</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="84"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="102"/>
        <source>Find in this case  (Ctrl+Shift+F)</source>
        <translation>在此案例中查找  (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="104"/>
        <source>Find in this case</source>
        <translation>在此案例中查找</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="106"/>
        <source>Matches</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="107"/>
        <source>Previous match  (Shift+F3)</source>
        <translation>上一个匹配  (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="108"/>
        <source>Next match  (F3)</source>
        <translation>下一个匹配  (F3)</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="134"/>
        <source>No matches</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_tools.py" line="136"/>
        <source>%1 of %2</source>
        <translation>第 %1 / %2 个</translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <location filename="../../console/ui/import_export.py" line="27"/>
        <source>Case files (*.json)</source>
        <translation>案例文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="28"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="53"/>
        <source>Import case files</source>
        <translation>导入案例文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="70"/>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="71"/>
        <source>Problems were found in the files (%1). Fix them and import again.</source>
        <translation>文件中发现 %1 个问题。请修正后重新导入。</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="83"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="90"/>
        <source>Imported %1 file(s): %2 new case(s), %3 new event(s), %4 already present.</source>
        <translation>已导入 %1 个文件：新增 %2 个案例、%3 条事件，%4 条已存在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="106"/>
        <source>Open a case first, then export it.</source>
        <translation>请先打开一个案例，再导出。</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="110"/>
        <source>Export case</source>
        <translation>导出案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="131"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../console/ui/import_export.py" line="138"/>
        <source>Exported the case to %1</source>
        <translation>案例已导出到 %1</translation>
    </message>
</context>
<context>
    <name>InstructDialog</name>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="98"/>
        <source>Instruct the AI</source>
        <translation>指示 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="102"/>
        <source>Tell the AI what to change; it keeps the instruction for this case and plans it again.</source>
        <translation>告诉 AI 要改什么；它会为此案例保留该指示并重新规划。</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="110"/>
        <source>For example: no refund, offer a voucher</source>
        <translation>例如：不退款，改送代金券</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="111"/>
        <source>Instruction for the AI</source>
        <translation>给 AI 的指示</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="118"/>
        <source>Re-plan with this</source>
        <translation>按此重新规划</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="119"/>
        <source>Re-plan with this instruction</source>
        <translation>按此指示重新规划</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="137"/>
        <source>%1 of %2 characters</source>
        <translation>%1 / %2 个字符</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../console/ui/labels.py" line="37"/>
        <source>Where is my order</source>
        <translation>查询订单</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="38"/>
        <source>Late delivery</source>
        <translation>配送延误</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="39"/>
        <source>Lost delivery</source>
        <translation>包裹丢失</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="40"/>
        <source>Damaged item</source>
        <translation>商品损坏</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="41"/>
        <source>Billing dispute</source>
        <translation>账单争议</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="42"/>
        <source>Double charge</source>
        <translation>重复扣款</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="43"/>
        <source>Subscription cancellation</source>
        <translation>取消订阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="46"/>
        <source>Service outage</source>
        <translation>服务中断</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="52"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="53"/>
        <source>Open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="54"/>
        <source>Waiting for customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="55"/>
        <source>Waiting for a system</source>
        <translation>等待系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="56"/>
        <source>Waiting for supervisor</source>
        <translation>等待主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="59"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="60"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="66"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="67"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="68"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="69"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="75"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="76"/>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="77"/>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="78"/>
        <source>Platinum</source>
        <translation>白金</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="84"/>
        <source>Very negative</source>
        <translation>非常负面</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="85"/>
        <source>Negative</source>
        <translation>负面</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="86"/>
        <source>Neutral</source>
        <translation>中性</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="87"/>
        <source>Positive</source>
        <translation>正面</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="93"/>
        <location filename="../../console/ui/labels.py" line="137"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="94"/>
        <location filename="../../console/ui/labels.py" line="135"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="95"/>
        <source>Voice</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="96"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="97"/>
        <location filename="../../console/ui/labels.py" line="114"/>
        <source>Bot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="98"/>
        <location filename="../../console/ui/labels.py" line="112"/>
        <location filename="../../console/ui/labels.py" line="144"/>
        <source>Agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="99"/>
        <location filename="../../console/ui/labels.py" line="115"/>
        <location filename="../../console/ui/labels.py" line="152"/>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="100"/>
        <location filename="../../console/ui/labels.py" line="176"/>
        <source>Orders</source>
        <translation>订单系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="101"/>
        <location filename="../../console/ui/labels.py" line="177"/>
        <source>Payments</source>
        <translation>支付系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="102"/>
        <location filename="../../console/ui/labels.py" line="178"/>
        <source>Logistics</source>
        <translation>物流系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="103"/>
        <location filename="../../console/ui/labels.py" line="179"/>
        <source>Inventory</source>
        <translation>库存系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="104"/>
        <location filename="../../console/ui/labels.py" line="180"/>
        <source>Tickets</source>
        <translation>工单系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="181"/>
        <source>Accounts</source>
        <translation>账户系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="105"/>
        <location filename="../../console/ui/labels.py" line="182"/>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="111"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="113"/>
        <location filename="../../console/ui/labels.py" line="145"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="116"/>
        <source>System</source>
        <translation>系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="122"/>
        <source>Customer message</source>
        <translation>客户消息</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="123"/>
        <source>Agent message</source>
        <translation>坐席消息</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="124"/>
        <source>Bot message</source>
        <translation>机器人消息</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="125"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="126"/>
        <source>System event</source>
        <translation>系统事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="127"/>
        <source>AI proposal</source>
        <translation>AI 方案</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="128"/>
        <source>Decision</source>
        <translation>决策</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="129"/>
        <source>Action status</source>
        <translation>操作状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="136"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="138"/>
        <source>Postal</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="146"/>
        <source>Trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="157"/>
        <source>Waiting on %1</source>
        <translation>等待%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="158"/>
        <source>Agent %1</source>
        <translation>坐席 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="163"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="164"/>
        <source>Reship items</source>
        <translation>补发商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="165"/>
        <source>Account credit</source>
        <translation>账户抵扣金</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="166"/>
        <source>Reply to customer</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="167"/>
        <source>Notify logistics</source>
        <translation>通知物流</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="168"/>
        <source>Adjust inventory</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="169"/>
        <source>Escalate</source>
        <translation>升级</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="170"/>
        <source>Close case</source>
        <translation>关闭案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="188"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="190"/>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="207"/>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="209"/>
        <source>%1 min %2 s</source>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="214"/>
        <source>under 1 min</source>
        <translation>不到1分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="216"/>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="220"/>
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="222"/>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="228"/>
        <source>%1 d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="230"/>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="241"/>
        <source>overdue %1</source>
        <translation>已超时 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="242"/>
        <source>in %1</source>
        <translation>剩余 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="253"/>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="255"/>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="259"/>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <location filename="../../console/ui/labels.py" line="263"/>
        <source>%1 d ago</source>
        <translation>%1 天前</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../console/ui/main_window.py" line="74"/>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="156"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="158"/>
        <source>AI proposal</source>
        <translation>AI 方案</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="283"/>
        <source>%1 — Tandem</source>
        <translation>%1 — Tandem</translation>
    </message>
    <message>
        <location filename="../../console/ui/main_window.py" line="339"/>
        <source>No event %1 in this store.</source>
        <translation>此存储中没有事件 %1。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../console/ui/menus.py" line="29"/>
        <source>Menu bar</source>
        <translation>菜单栏</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="31"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="32"/>
        <source>&amp;Import case files…</source>
        <translation>导入案例文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="34"/>
        <source>&amp;Export case…</source>
        <translation>导出案例(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="35"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="46"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="47"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="51"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="52"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="53"/>
        <source>Follow the &amp;system</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="60"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="66"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="78"/>
        <source>&amp;Filter the timeline…</source>
        <translation>筛选时间线(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="81"/>
        <source>Show &amp;every event</source>
        <translation>显示全部事件(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="86"/>
        <source>&amp;Diagnostics</source>
        <translation>诊断(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="103"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="105"/>
        <source>&amp;Next case</source>
        <translation>下一个案例(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="108"/>
        <source>&amp;Previous case</source>
        <translation>上一个案例(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="110"/>
        <source>Search &amp;all cases…</source>
        <translation>搜索全部案例(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="112"/>
        <source>&amp;Search the queue</source>
        <translation>搜索队列(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="114"/>
        <source>Go to the &amp;queue</source>
        <translation>转到队列(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="116"/>
        <source>Go to the &amp;timeline</source>
        <translation>转到时间线(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="119"/>
        <source>Go to the &amp;customer and proposal</source>
        <translation>转到客户与方案(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="122"/>
        <source>Go to the &amp;proposal</source>
        <translation>转到方案(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="124"/>
        <source>&amp;Re-plan this case</source>
        <translation>重新规划此案例(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="126"/>
        <source>F&amp;ind in this case</source>
        <translation>在此案例中查找(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="129"/>
        <source>Ne&amp;xt match</source>
        <translation>下一个匹配(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="134"/>
        <source>Pre&amp;vious match</source>
        <translation>上一个匹配(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="160"/>
        <source>&amp;Training</source>
        <translation>培训(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="162"/>
        <source>&amp;Play scenario file…</source>
        <translation>播放情景文件(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="165"/>
        <source>P&amp;ause the scenario</source>
        <translation>暂停情景(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="168"/>
        <source>&amp;Resume the scenario</source>
        <translation>继续情景(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="171"/>
        <source>&amp;Stop the scenario</source>
        <translation>停止情景(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="180"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="181"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="182"/>
        <source>&amp;About Tandem</source>
        <translation>关于 Tandem(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="91"/>
        <source>&amp;Approvals queue</source>
        <translation>审批队列(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="94"/>
        <source>Authority &amp;map…</source>
        <translation>权限图(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="97"/>
        <source>&amp;Command palette…</source>
        <translation>命令面板(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/menus.py" line="231"/>
        <source>Only trainers, in the sandbox, may play scenarios.</source>
        <translation>只有培训师可以在沙盒中播放情景。</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/notifier.py" line="40"/>
        <source>Open the case the customer wrote on</source>
        <translation>打开客户留言的案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/notifier.py" line="57"/>
        <source>Tandem</source>
        <translation>Tandem</translation>
    </message>
    <message>
        <location filename="../../console/ui/notifier.py" line="76"/>
        <source>The customer wrote on %1</source>
        <translation>客户在 %1 中留言</translation>
    </message>
    <message>
        <location filename="../../console/ui/notifier.py" line="82"/>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_dock.py" line="29"/>
        <location filename="../../console/ui/outbox_dock.py" line="43"/>
        <location filename="../../console/ui/outbox_dock.py" line="50"/>
        <location filename="../../console/ui/outbox_panel.py" line="96"/>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="101"/>
        <source>Write-back status</source>
        <translation>回写状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="105"/>
        <source>Outcome of the last action</source>
        <translation>上一次操作的结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="108"/>
        <source>Remote systems</source>
        <translation>远程系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="113"/>
        <source>Nothing has been sent to a remote system yet.</source>
        <translation>尚未向任何远程系统发送内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="118"/>
        <source>Check the remote system, then say whether it was done.</source>
        <translation>请先核查远程系统，再说明是否已完成。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="122"/>
        <source>Actions whose outcome is unknown</source>
        <translation>结果未知的操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="126"/>
        <source>Mark done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="127"/>
        <source>Mark the selected action done</source>
        <translation>将所选操作标记为完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="128"/>
        <source>You checked the remote system and it was done</source>
        <translation>您已核查远程系统，操作已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="132"/>
        <source>Mark not done</source>
        <translation>标记为未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="133"/>
        <source>Mark the selected action not done</source>
        <translation>将所选操作标记为未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="134"/>
        <source>You checked the remote system and it was not done; nothing more is sent</source>
        <translation>您已核查远程系统，操作未完成；不再发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="138"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="139"/>
        <source>Send the selected action again</source>
        <translation>重新发送所选操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="140"/>
        <source>Send it again with its original key: it is never done twice</source>
        <translation>使用原来的幂等键重新发送：绝不会执行两次</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="149"/>
        <source>Actions a remote system refused</source>
        <translation>远程系统拒绝的操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="153"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="154"/>
        <source>Send the selected refused action again</source>
        <translation>重新发送所选被拒绝的操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="155"/>
        <source>Send it again with its original key (after fixing what was wrong)</source>
        <translation>使用原来的幂等键重新发送（请先修正问题）</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="159"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="160"/>
        <source>Cancel the selected refused action</source>
        <translation>取消所选被拒绝的操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="161"/>
        <source>Give up on it: it will not be sent</source>
        <translation>放弃：不会再发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="280"/>
        <source>Write-back is not running: approved actions wait here.</source>
        <translation>回写未运行：已批准的操作在此等待。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="323"/>
        <source>Outcome unknown (%1)</source>
        <translation>结果未知（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="324"/>
        <source>Refused (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_dock.py" line="53"/>
        <source>Show or hide what write-back is doing</source>
        <translation>显示或隐藏回写的进展</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="290"/>
        <source>Write-back has not started.</source>
        <translation>回写尚未启动。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="291"/>
        <source>Write-back stopped.</source>
        <translation>回写已停止。</translation>
    </message>
    <message>
        <location filename="../../console/ui/outbox_panel.py" line="297"/>
        <source>Write-back could not start: %1</source>
        <translation>回写无法启动：%1</translation>
    </message>
</context>
<context>
    <name>PauseDialog</name>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="238"/>
        <source>Pause with a reason</source>
        <translation>暂停并说明原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="241"/>
        <source>What to pause</source>
        <translation>要暂停的内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="243"/>
        <source>The whole AI</source>
        <translation>整个 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="248"/>
        <location filename="../../console/ui/stop_controls.py" line="253"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="249"/>
        <source>Optional: why, for the others and the record</source>
        <translation>可选：说明原因，供同事查看并记录在案</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="252"/>
        <location filename="../../console/ui/stop_controls.py" line="264"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="256"/>
        <source>Takes effect at once for everyone at this store. Planning holds the cases it would plan and plans them when you resume.</source>
        <translation>立即对使用此存储的所有人生效。规划会先搁置本应规划的案例，恢复后再进行规划。</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../console/ui/policy_text.py" line="31"/>
        <source>Forbidden</source>
        <translation>禁止</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="32"/>
        <source>Suggest only</source>
        <translation>仅建议</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="33"/>
        <source>Agent approves</source>
        <translation>坐席批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="34"/>
        <source>Supervisor approves</source>
        <translation>主管批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="35"/>
        <source>Automatic, with undo</source>
        <translation>自动执行（可撤销）</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="38"/>
        <source>Automatic</source>
        <translation>自动执行</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="49"/>
        <source>amount ≤ %1</source>
        <translation>金额 ≤ %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="52"/>
        <source>amount &gt; %1</source>
        <translation>金额 &gt; %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="55"/>
        <source>tier: %1</source>
        <translation>等级：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="58"/>
        <source>journey: %1</source>
        <translation>诉求类型：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="61"/>
        <source>sentiment: %1</source>
        <translation>情绪：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="65"/>
        <source>reversible</source>
        <translation>可撤回</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="67"/>
        <source>not reversible</source>
        <translation>不可撤回</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="69"/>
        <source>case total ≤ %1</source>
        <translation>案例累计 ≤ %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="72"/>
        <source>case total &gt; %1</source>
        <translation>案例累计 &gt; %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="75"/>
        <source>agent&apos;s day ≤ %1</source>
        <translation>坐席当日累计 ≤ %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="78"/>
        <source>agent&apos;s day &gt; %1</source>
        <translation>坐席当日累计 &gt; %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="82"/>
        <source>moves money</source>
        <translation>涉及资金</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="84"/>
        <source>moves no money</source>
        <translation>不涉及资金</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="86"/>
        <source>quantity ≤ %1</source>
        <translation>数量 ≤ %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="89"/>
        <source>order value ≤ %1</source>
        <translation>订单金额 ≤ %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="92"/>
        <source>order value &gt; %1</source>
        <translation>订单金额 &gt; %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="96"/>
        <source>names records outside the case</source>
        <translation>引用了案例以外的记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="98"/>
        <source>names only the case&apos;s records</source>
        <translation>仅引用本案例的记录</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="106"/>
        <source>always</source>
        <translation>始终</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_text.py" line="111"/>
        <source>Any action</source>
        <translation>任何操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="66"/>
        <source>Authority map</source>
        <translation>权限图</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="68"/>
        <source>Decision-authority map</source>
        <translation>决策权限图</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="79"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="80"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="81"/>
        <source>When</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="82"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="83"/>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="85"/>
        <source>Rules in force</source>
        <translation>现行规则</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="94"/>
        <source>In force</source>
        <translation>现行版本</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="99"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="99"/>
        <source>Published by</source>
        <translation>发布人</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="99"/>
        <source>Published at</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="99"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="100"/>
        <source>Published versions</source>
        <translation>已发布的版本</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="107"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="114"/>
        <source>The new version&apos;s YAML</source>
        <translation>新版本的 YAML</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="120"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="125"/>
        <source>Check result</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="126"/>
        <source>&amp;Check</source>
        <translation>检查(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="127"/>
        <source>Check the new version</source>
        <translation>检查新版本</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="129"/>
        <source>&amp;Publish</source>
        <translation>发布(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="130"/>
        <source>Publish the new version</source>
        <translation>发布新版本</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="132"/>
        <source>Start again from the &amp;latest</source>
        <translation>从最新版本重新开始(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="133"/>
        <source>Start again from the latest version</source>
        <translation>从最新版本重新开始</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="146"/>
        <source>New version</source>
        <translation>新版本</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="191"/>
        <source>Version %1, in force since %2, by %3.</source>
        <translation>版本 %1，自 %2 起生效，作者 %3。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="198"/>
        <source>Rules are tried in order; the first that matches decides.</source>
        <translation>规则按顺序匹配，第一条匹配的规则生效。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="229"/>
        <source>Version %1, from the latest. Check it, then publish: it applies to every decision from then on, and the publication is on the audit trail.</source>
        <translation>版本 %1，基于最新版本。请先检查再发布：发布后对此后的每个决策生效，发布记录会写入审计记录。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="233"/>
        <source>Only supervisors may publish a new version; you may read and check it.</source>
        <translation>只有主管可以发布新版本；您可以查看和检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="264"/>
        <source>This map is version %1; the next version is %2.</source>
        <translation>此权限图是版本 %1；下一个版本应为 %2。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="271"/>
        <source>No problems: version %1 with %2 rules.</source>
        <translation>没有问题：版本 %1，共 %2 条规则。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="285"/>
        <source>1 problem: fix it and check again.</source>
        <translation>1 个问题：请修正后再检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="287"/>
        <source>%1 problems: fix them and check again.</source>
        <translation>%1 个问题：请修正后再检查。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="303"/>
        <source>Use “Start again from the latest”.</source>
        <translation>请使用“从最新版本重新开始”。</translation>
    </message>
    <message>
        <location filename="../../console/ui/policy_dialog.py" line="310"/>
        <source>Published version %1.</source>
        <translation>已发布版本 %1。</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <location filename="../../console/ui/profiles.py" line="38"/>
        <source>Switch &amp;profile</source>
        <translation>切换身份(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/profiles.py" line="39"/>
        <source>Local profiles</source>
        <translation>本地身份</translation>
    </message>
    <message>
        <location filename="../../console/ui/profiles.py" line="44"/>
        <source>Switch &amp;profile…</source>
        <translation>切换身份(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/profiles.py" line="61"/>
        <source>Act as %1 (%2)</source>
        <translation>以 %1（%2）身份操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/profiles.py" line="100"/>
        <source>You are now %1, %2.</source>
        <translation>您现在是 %1，%2。</translation>
    </message>
</context>
<context>
    <name>ProposalPanel</name>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="70"/>
        <source>AI proposal</source>
        <translation>AI 方案</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="75"/>
        <source>No plan yet</source>
        <translation>暂无计划</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="80"/>
        <source>AI-proposed</source>
        <translation>AI 提议</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="81"/>
        <source>This plan was proposed by the AI; nothing is done yet.</source>
        <translation>此计划由 AI 提议；尚未执行任何操作。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="82"/>
        <source>Re-plan</source>
        <translation>重新规划</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="83"/>
        <location filename="../../console/ui/proposal_panel.py" line="213"/>
        <source>Plan this case again from its latest facts (Ctrl+R)</source>
        <translation>根据最新事实重新规划此案例 (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="84"/>
        <source>Re-plan this case</source>
        <translation>重新规划此案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="99"/>
        <source>Confidence</source>
        <translation>置信度</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="105"/>
        <source>The language model was not used</source>
        <translation>未使用语言模型</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="110"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="129"/>
        <source>The proposed plan</source>
        <translation>提议的计划</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="194"/>
        <source>Planning…</source>
        <translation>正在规划…</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="189"/>
        <source>Planning… the language model writes:</source>
        <translation>正在规划……语言模型正在输出：</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="228"/>
        <source>Open a case to see the AI&apos;s plan for it.</source>
        <translation>打开案例即可查看 AI 为其制定的计划。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="239"/>
        <source>The customer has not consented to AI processing, so the AI will not plan this case. Work it by hand.</source>
        <translation>客户未授权 AI 处理，AI 不会规划此案例。请人工处理。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="247"/>
        <source>Planner: the built-in playbook planner (offline, rule-based).</source>
        <translation>规划器：内置的剧本规划器（离线，基于规则）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="297"/>
        <source>The AI could not plan this case; see the status bar.</source>
        <translation>AI 无法规划此案例；请查看状态栏。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="353"/>
        <source>By %1 · %2</source>
        <translation>由 %1 · %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="360"/>
        <source>Confidence %1%</source>
        <translation>置信度 %1%</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="366"/>
        <source>The language model could not be used; this plan comes from the playbooks: %1</source>
        <translation>无法使用语言模型；此计划来自剧本：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="382"/>
        <source>Plan (1 step)</source>
        <translation>计划（1 步）</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="384"/>
        <source>Plan (%1 steps)</source>
        <translation>计划（%1 步）</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="182"/>
        <source>The AI has not proposed a plan for this case yet.</source>
        <translation>AI 尚未为此案例提出计划。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="211"/>
        <source>Hand the case back (Ctrl+T) to let the AI plan it again</source>
        <translation>交还案例（Ctrl+T）后 AI 会重新规划</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_panel.py" line="262"/>
        <source>A person has taken this case over; the AI is not proposing for it.</source>
        <translation>已有人员接管此案例；AI 不再为它提出方案。</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../console/ui/queue_model.py" line="42"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_model.py" line="43"/>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_model.py" line="44"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_model.py" line="45"/>
        <source>Journey</source>
        <translation>诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_model.py" line="46"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_model.py" line="47"/>
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_model.py" line="48"/>
        <source>Opened</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_model.py" line="137"/>
        <source>Due %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_model.py" line="141"/>
        <source>Opened %1</source>
        <translation>创建于 %1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="42"/>
        <source>Queue</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="44"/>
        <source>Search cases and messages  (Ctrl+F)</source>
        <translation>搜索案例和消息  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="46"/>
        <source>Search the queue</source>
        <translation>搜索队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="49"/>
        <source>Filter by journey</source>
        <translation>按诉求类型筛选</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="50"/>
        <source>All journeys</source>
        <translation>全部诉求类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="54"/>
        <source>Filter by status</source>
        <translation>按状态筛选</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="55"/>
        <source>All active</source>
        <translation>全部进行中</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="56"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="63"/>
        <source>Sort the queue</source>
        <translation>队列排序</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="64"/>
        <source>By SLA</source>
        <translation>按 SLA</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="65"/>
        <source>By priority</source>
        <translation>按优先级</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="66"/>
        <source>By age</source>
        <translation>按创建时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="68"/>
        <source>SLA: soonest due first · priority: most urgent first · age: oldest first</source>
        <translation>SLA：最先到期的在前 · 优先级：最紧急的在前 · 创建时间：最早的在前</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="77"/>
        <source>Case queue</source>
        <translation>案例队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/queue_panel.py" line="78"/>
        <source>No cases match.</source>
        <translation>没有匹配的案例。</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../console/ui/queue_view.py" line="105"/>
        <source>Queue columns</source>
        <translation>队列列标题</translation>
    </message>
</context>
<context>
    <name>ReasoningView</name>
    <message>
        <location filename="../../console/ui/proposal_reasoning.py" line="40"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_reasoning.py" line="44"/>
        <source>Alternatives considered</source>
        <translation>考虑过的其他方案</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_reasoning.py" line="48"/>
        <source>Why not: %1</source>
        <translation>未采用的原因：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_reasoning.py" line="52"/>
        <source>Ask the customer</source>
        <translation>向客户询问</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_reasoning.py" line="75"/>
        <source>Policy: %1</source>
        <translation>政策：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_reasoning.py" line="96"/>
        <source>Event %1 is not in this case&apos;s timeline.</source>
        <translation>事件 %1 不在此案例的时间线中。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_reasoning.py" line="98"/>
        <source>event #%1</source>
        <translation>事件 #%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_reasoning.py" line="99"/>
        <source>Show event %1 in the timeline</source>
        <translation>在时间线中显示事件 %1</translation>
    </message>
</context>
<context>
    <name>RefusalText</name>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="70"/>
        <source>%1 (%2) may not %3: only %4 may.</source>
        <translation>%1（%2）不能%3：只有%4可以。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="73"/>
        <source>%1 (%2) may not %3 outside the sandbox: only %4 may.</source>
        <translation>%1（%2）不能在沙盒以外%3：只有%4可以。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="78"/>
        <source>%1 steps are paused by %2 since %3; nothing of that type can be approved until a supervisor resumes it.</source>
        <translation>%1步骤已由 %2 自 %3 起暂停；在主管恢复之前，此类步骤都不能批准。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="86"/>
        <source>Nothing was approved. %1</source>
        <translation>未批准任何步骤。%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="91"/>
        <source>%1 has taken this case over; only they or a supervisor may decide on it now.</source>
        <translation>%1 已接管此案例；现在只有其本人或主管可以对它作出决定。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="96"/>
        <source>Already decided (%1).</source>
        <translation>已有决定（%1）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="99"/>
        <location filename="../../console/ui/refusal_text.py" line="117"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="105"/>
        <source>These steps are not in the plan: %1.</source>
        <translation>这些步骤不在计划中：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="108"/>
        <source>A newer plan has replaced this one (new facts arrived); review the new plan.</source>
        <translation>此计划已被更新的计划取代（有新情况）；请查看新计划。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="111"/>
        <source>Proposal %1 does not exist.</source>
        <translation>方案 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="114"/>
        <source>The edited plan cannot be used: %1.</source>
        <translation>编辑后的计划无法使用：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="124"/>
        <source>Step %1: a credit is taken back only by Undo on the credit&apos;s done step, as Undo works it out; it is not proposed or edited.</source>
        <translation>步骤 %1：账户抵扣只能通过对该抵扣已完成的步骤执行“撤销”来收回，内容由撤销计算得出；不能由方案提出，也不能编辑。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="129"/>
        <source>An instruction needs some text.</source>
        <translation>指示不能为空。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="131"/>
        <source>An instruction is at most %1 characters; this one has %2.</source>
        <translation>指示最多 %1 个字符；此指示有 %2 个字符。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="136"/>
        <source>No longer waiting: %1.</source>
        <translation>已不再等待审批：%1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="139"/>
        <source>Refunds and credits are approved one case at a time, after reading each case; they were not approved.</source>
        <translation>退款和账户抵扣须逐个案例批准，并先阅读每个案例；所选步骤未获批准。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="143"/>
        <source>There is no action %1.</source>
        <translation>没有操作 %1。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="146"/>
        <source>Only a done action can be undone; this one is %1. Cancel it instead.</source>
        <translation>只有已完成的操作才能撤销；此操作的状态为“%1”。请改为取消它。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="150"/>
        <source>This action has already been undone (or is being undone).</source>
        <translation>此操作已撤销（或正在撤销）。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="154"/>
        <source>Tandem cannot undo this action (%1) by itself: it takes a credit back already; give a new credit if one is due.</source>
        <translation>Tandem 无法自行撤销此操作（%1）：它本身就是收回账户抵扣；如需补偿，请另行发放账户抵扣。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="161"/>
        <source>Tandem cannot undo this action (%1) by itself: the accounts system did not name the credit (it was marked done by hand), so Tandem cannot say which credit to take back. Reverse it in the accounts system, and note it on the case.</source>
        <translation>Tandem 无法自行撤销此操作（%1）：账户系统没有给出该抵扣的编号（它是手动标记为完成的），因此 Tandem 无法确定要收回哪一笔抵扣。请在账户系统中冲销，并在案例中注明。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="170"/>
        <source>Tandem cannot undo this action (%1) by itself: no compensating step is defined for it. Undo it in the remote system, and note it on the case.</source>
        <translation>Tandem 无法自行撤销此操作（%1）：没有为它定义补偿步骤。请在远程系统中撤销，并在案例中注明。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="176"/>
        <source>The AI is paused by a supervisor; nothing is planned until resumed.</source>
        <translation>AI 已被主管暂停；恢复之前不会规划任何案例。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="180"/>
        <source>The edited map is version %1; the next version is %2. Someone may have published in the meantime: reload it.</source>
        <translation>编辑的权限图是版本 %1；下一个版本应为 %2。可能有人在此期间发布了新版本：请重新加载。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="187"/>
        <source>Authority map version %1 already exists.</source>
        <translation>权限图版本 %1 已存在。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="190"/>
        <source>There is no local profile %1.</source>
        <translation>没有本地身份 %1。</translation>
    </message>
    <message>
        <source>Case %1 does not exist.</source>
        <translation>案例 %1 不存在。</translation>
    </message>
    <message>
        <source>Case %1 was changed by someone else (version %2, expected %3); reload it and try again.</source>
        <translation>案例 %1 已被他人修改（版本 %2，应为 %3）；请重新加载后再试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="200"/>
        <source>%1 (%2) is not allowed: %3 [rule %4]</source>
        <translation>%1（%2）不允许：%3（规则 %4）</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="202"/>
        <source>%1 (%2) must be done outside Tandem: %3 [rule %4]</source>
        <translation>%1（%2）须在 Tandem 之外处理：%3（规则 %4）</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="210"/>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="214"/>
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="240"/>
        <source>agent</source>
        <translation>坐席</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="241"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="242"/>
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="250"/>
        <source>approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="251"/>
        <source>approve above agent</source>
        <translation>批准超出坐席权限的步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="252"/>
        <source>edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="253"/>
        <source>override</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="254"/>
        <source>instruct</source>
        <translation>指示 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="255"/>
        <source>take over</source>
        <translation>接管</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="256"/>
        <source>defer</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="257"/>
        <source>review approvals</source>
        <translation>审阅审批队列</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="258"/>
        <source>pause ai</source>
        <translation>暂停 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="259"/>
        <source>edit policy</source>
        <translation>编辑权限图</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="260"/>
        <source>play scenarios</source>
        <translation>播放情景</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="267"/>
        <source>agents and supervisors</source>
        <translation>坐席和主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="268"/>
        <source>supervisors</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="269"/>
        <source>trainers, in the sandbox</source>
        <translation>沙盒中的培训师</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="274"/>
        <source>approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="275"/>
        <source>awaiting supervisor</source>
        <translation>等待主管审批</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="276"/>
        <source>rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="281"/>
        <source>pending</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="282"/>
        <source>sending</source>
        <translation>发送中</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="283"/>
        <source>delivered</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="284"/>
        <source>rejected by the remote system</source>
        <translation>被远程系统拒绝</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="285"/>
        <source>of unknown outcome</source>
        <translation>结果未知</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="286"/>
        <source>reconciled</source>
        <translation>已完成（已确认）</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="287"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="292"/>
        <source>no such step in the plan</source>
        <translation>计划中没有此步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="293"/>
        <source>an edit cannot change the action type</source>
        <translation>编辑不能更改操作类型</translation>
    </message>
    <message>
        <location filename="../../console/ui/refusal_text.py" line="294"/>
        <source>an edited step must be approved with it</source>
        <translation>编辑过的步骤必须一并批准</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="33"/>
        <location filename="../../console/ui/decision_dialogs.py" line="54"/>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="40"/>
        <source>Choose a reason…</source>
        <translation>选择原因…</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="41"/>
        <source>Reason for rejecting</source>
        <translation>驳回原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="44"/>
        <source>Optional: what is wrong, in a few words</source>
        <translation>可选：用几句话说明哪里不对</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="45"/>
        <source>Note on the rejection (optional)</source>
        <translation>驳回备注（可选）</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="48"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="49"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="55"/>
        <source>Reject with this reason</source>
        <translation>以此原因驳回</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="68"/>
        <source>The facts are wrong</source>
        <translation>事实有误</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="69"/>
        <source>Against policy</source>
        <translation>违反政策</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="70"/>
        <source>The customer wants something else</source>
        <translation>客户想要别的处理方式</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="71"/>
        <source>The tone is wrong</source>
        <translation>语气不当</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="72"/>
        <source>Information is missing</source>
        <translation>缺少信息</translation>
    </message>
    <message>
        <location filename="../../console/ui/decision_dialogs.py" line="73"/>
        <source>Other (say why in the note)</source>
        <translation>其他（请在备注中说明）</translation>
    </message>
</context>
<context>
    <name>ScenarioPlayer</name>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="36"/>
        <source>Real time</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="37"/>
        <source>10× faster</source>
        <translation>10 倍速</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="38"/>
        <source>60× faster (an hour a minute)</source>
        <translation>60 倍速（一分钟一小时）</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="39"/>
        <source>As fast as possible</source>
        <translation>尽快播放</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="44"/>
        <source>Play scenario file</source>
        <translation>播放情景文件</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="47"/>
        <source>Case files (*.json)</source>
        <translation>案例文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="48"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="75"/>
        <location filename="../../console/ui/scenario_player.py" line="100"/>
        <source>Cannot play the scenario</source>
        <translation>无法播放情景</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="86"/>
        <source>… and %1 more (see the details)</source>
        <translation>……另有 %1 个问题（见详细信息）</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="91"/>
        <source>%1 cannot be played: fix these problems and try again.</source>
        <translation>%1 无法播放：请修正以下问题后重试。</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="111"/>
        <source>Play scenario</source>
        <translation>播放情景</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="113"/>
        <source>Play %1 (%2 events) at which speed?</source>
        <translation>以什么速度播放 %1（%2 个事件）？</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="120"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="156"/>
        <source>Playing %1…</source>
        <translation>正在播放 %1…</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="162"/>
        <source>Scenario stopped after %1 of %2 events</source>
        <translation>情景已停止：已播放 %1/%2 个事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="170"/>
        <source>The scenario failed: %1</source>
        <translation>情景播放失败：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="184"/>
        <source>Played %1 events; %2 already there</source>
        <translation>已播放 %1 个事件；%2 个此前已存在</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="196"/>
        <source>Scenario paused</source>
        <translation>情景已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/scenario_player.py" line="205"/>
        <source>Scenario resumed</source>
        <translation>情景已继续</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="173"/>
        <location filename="../../console/ui/search_dialog.py" line="174"/>
        <location filename="../../console/ui/search_dialog.py" line="180"/>
        <source>Search all cases</source>
        <translation>搜索全部案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="178"/>
        <source>Words, an order id, 中文…</source>
        <translation>词语、订单号、English…</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="182"/>
        <source>Best match</source>
        <translation>最佳匹配</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="183"/>
        <source>Order by best match</source>
        <translation>按最佳匹配排序</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="185"/>
        <source>Newest first</source>
        <translation>最新优先</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="186"/>
        <source>Order by newest match</source>
        <translation>按最新匹配排序</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="199"/>
        <source>Matching cases</source>
        <translation>匹配的案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="243"/>
        <source>Finds English words and word beginnings of 3 letters or more, order ids such as ORD-10023, and Chinese words of 2 characters or more — in resolved and closed cases too.</source>
        <translation>可搜索英文单词及 3 个字母以上的词首、订单号（如 ORD-10023）和 2 个字以上的中文词语——已解决和已关闭的案例也包括在内。</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="285"/>
        <source>No case matches</source>
        <translation>没有匹配的案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="285"/>
        <source>Search every case</source>
        <translation>搜索每一个案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="287"/>
        <source>1 case</source>
        <translation>1 个案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="289"/>
        <source>The first %1 cases</source>
        <translation>前 %1 个案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/search_dialog.py" line="291"/>
        <source>%1 cases</source>
        <translation>%1 个案例</translation>
    </message>
</context>
<context>
    <name>SecretDialog</name>
    <message>
        <location filename="../../console/ui/secret_dialog.py" line="23"/>
        <source>Secret needed: %1</source>
        <translation>需要密钥：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/secret_dialog.py" line="24"/>
        <source>Enter the secret %1</source>
        <translation>输入密钥 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/secret_dialog.py" line="28"/>
        <source>This machine has no keyring service; Tandem keeps it in memory for this session only and never writes it to disk.</source>
        <translation>本机没有密钥环服务；Tandem 仅在本次会话中将其保存在内存里，绝不写入磁盘。</translation>
    </message>
    <message>
        <location filename="../../console/ui/secret_dialog.py" line="42"/>
        <source>Use this secret for this session</source>
        <translation>在本次会话中使用此密钥</translation>
    </message>
    <message>
        <location filename="../../console/ui/secret_dialog.py" line="44"/>
        <source>Do not enter the secret</source>
        <translation>不输入密钥</translation>
    </message>
</context>
<context>
    <name>SentimentReason</name>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="27"/>
        <source>&quot;%1&quot;</source>
        <translation>&quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="31"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="54"/>
        <source>No word list for %1: read from punctuation, contacts and events</source>
        <translation>没有 %1 的词表：依据标点、联系次数和事件判断</translation>
    </message>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="71"/>
        <source>Words: %1</source>
        <translation>用词：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="79"/>
        <source>punctuation %1</source>
        <translation>标点 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="45"/>
        <source>%1 contacts</source>
        <translation>联系 %1 次</translation>
    </message>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="92"/>
        <source>No sentiment cues found</source>
        <translation>未发现情绪线索</translation>
    </message>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="94"/>
        <source>no sentiment cues found</source>
        <translation>未发现情绪线索</translation>
    </message>
    <message>
        <location filename="../../console/ui/sentiment_reason.py" line="96"/>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="27"/>
        <location filename="../../console/ui/help_dialogs.py" line="56"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="31"/>
        <source>Next / previous case (in the queue)</source>
        <translation>下一个 / 上一个案例（在队列中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="32"/>
        <source>Open the selected event in full (in the timeline)</source>
        <translation>查看所选事件的完整内容（在时间线中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="32"/>
        <location filename="../../console/ui/help_dialogs.py" line="39"/>
        <location filename="../../console/ui/help_dialogs.py" line="47"/>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="33"/>
        <source>Jump to the newest / oldest event (in the timeline)</source>
        <translation>跳到最新 / 最早的事件（在时间线中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="35"/>
        <source>Next / previous match (in the find field)</source>
        <translation>下一个 / 上一个匹配（在查找框中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="36"/>
        <source>Enter / Shift+Enter</source>
        <translation>回车 / Shift+回车</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="38"/>
        <source>Clear the search (in the find field)</source>
        <translation>清除查找（在查找框中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="39"/>
        <source>Show a statement in the timeline (in the digest)</source>
        <translation>在时间线中显示某条陈述（在摘要中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="41"/>
        <source>Move through the matches / open the case (in Search all cases)</source>
        <translation>在结果中移动 / 打开案例（搜索全部案例中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="42"/>
        <source>Up / Down / Enter</source>
        <translation>上 / 下 / 回车</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="44"/>
        <source>Close Search all cases</source>
        <translation>关闭“搜索全部案例”</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="53"/>
        <source>Move between controls</source>
        <translation>在控件之间移动</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="53"/>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="57"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="57"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="46"/>
        <source>Open the selected step&apos;s case (in the approvals queue)</source>
        <translation>打开所选步骤的案例（在审批队列中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="50"/>
        <source>Move / run the command / close (in the command palette)</source>
        <translation>移动 / 执行命令 / 关闭（在命令面板中）</translation>
    </message>
    <message>
        <location filename="../../console/ui/help_dialogs.py" line="51"/>
        <source>Up / Down / Enter / Esc</source>
        <translation>上 / 下 / 回车 / Esc</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../console/ui/status_bar.py" line="18"/>
        <source>Status bar</source>
        <translation>状态栏</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="20"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="24"/>
        <source>Cases in the queue</source>
        <translation>队列中的案例</translation>
    </message>
    <message>
        <source>Signed-in user</source>
        <translation type="vanished">当前用户</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="36"/>
        <source>Quarantined events</source>
        <translation>已隔离的事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="37"/>
        <source>Inbound events that could not be used: open Diagnostics</source>
        <translation>无法使用的入站事件：打开“诊断”</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="60"/>
        <source>1 case</source>
        <translation>1 个案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="62"/>
        <source>%1 cases</source>
        <translation>%1 个案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="64"/>
        <source>%1 of %2 cases</source>
        <translation>%1 / %2 个案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="70"/>
        <source>1 quarantined</source>
        <translation>1 个已隔离</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="72"/>
        <source>%1 quarantined</source>
        <translation>%1 个已隔离</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="91"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="92"/>
        <source>Creating demo cases</source>
        <translation>正在生成演示案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="93"/>
        <source>Playing the scenario</source>
        <translation>正在播放情景</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="28"/>
        <source>Signed-in user and role</source>
        <translation>当前用户和角色</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="29"/>
        <source>Switch to another local profile</source>
        <translation>切换到其他本地身份</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="31"/>
        <source>AI running</source>
        <translation>AI 运行中</translation>
    </message>
    <message>
        <location filename="../../console/ui/status_bar.py" line="32"/>
        <source>AI state</source>
        <translation>AI 状态</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="75"/>
        <source>Step %1: %2 in %3</source>
        <translation>第 %1 步：在%3中%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="109"/>
        <source>The decision-authority map has not been applied to this step yet; nothing here says who may approve it.</source>
        <translation>决策权限图尚未应用于此步骤；此处并未说明谁可以批准它。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="117"/>
        <source>Preview what step %1 would change</source>
        <translation>预览第 %1 步将更改的内容</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="37"/>
        <source>Authority: not checked yet</source>
        <translation>权限：尚未检查</translation>
    </message>
    <message>
        <source>Authority: %1</source>
        <translation type="vanished">权限：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="54"/>
        <location filename="../../console/ui/step_wording.py" line="69"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="55"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="56"/>
        <location filename="../../console/ui/step_wording.py" line="64"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="59"/>
        <location filename="../../console/ui/step_wording.py" line="71"/>
        <location filename="../../console/ui/step_wording.py" line="95"/>
        <location filename="../../console/ui/step_wording.py" line="101"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="63"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="65"/>
        <source>Shipping</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="70"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="74"/>
        <source>Takes back</source>
        <translation>冲回</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="78"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="79"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="82"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="86"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="87"/>
        <source>Shipment</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="88"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="92"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="93"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="94"/>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="99"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="100"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="105"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="288"/>
        <source>Hide preview ▾</source>
        <translation>隐藏预览 ▾</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="288"/>
        <source>Preview ▸</source>
        <translation>预览 ▸</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="304"/>
        <source>The customer would receive:</source>
        <translation>客户将收到：</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="306"/>
        <source>The carrier would receive:</source>
        <translation>承运商将收到：</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="308"/>
        <source>The team would read:</source>
        <translation>团队将看到：</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="310"/>
        <source>Closing summary:</source>
        <translation>结案摘要：</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="316"/>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="122"/>
        <source>Payments: refund %1 on %2 for %3</source>
        <translation>支付：对 %2 退款 %1（%3）</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="136"/>
        <source>Accounts: take back credit %1 (%2) from customer %3</source>
        <translation>账户系统：从客户 %3 处冲回抵扣金 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="145"/>
        <source>Accounts: credit %1 to customer %2</source>
        <translation>账户系统：向客户 %2 发放抵扣金 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="115"/>
        <source>order %1</source>
        <translation>订单 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="117"/>
        <source>subscription %1</source>
        <translation>订阅 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="58"/>
        <source>Subscription</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="40"/>
        <source>Not allowed</source>
        <translation>不允许</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="41"/>
        <source>Suggestion only: do it by hand</source>
        <translation>仅为建议：需人工处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="42"/>
        <source>You may approve</source>
        <translation>您可以批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="43"/>
        <source>Needs a supervisor</source>
        <translation>需要主管批准</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="44"/>
        <source>Runs alone, can be undone</source>
        <translation>自动执行，可撤销</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="45"/>
        <source>Runs alone</source>
        <translation>自动执行</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="129"/>
        <source>Orders: reship %1 for order %2 by %3</source>
        <translation>订单：为订单 %2 补发 %1，%3</translation>
    </message>
    <message>
        <source>Payments: credit %1 to customer %2</source>
        <translation type="vanished">支付：向客户 %2 发放抵扣金 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="151"/>
        <source>Tickets: post a public reply by %1 (%2)</source>
        <translation>工单：通过%1发布公开回复（%2）</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="157"/>
        <source>Logistics: ask %1 to %2 shipment %3</source>
        <translation>物流：请 %1 对货件 %3 执行“%2”</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="164"/>
        <source>Inventory: change stock of %1 in %2 by %3</source>
        <translation>库存：将 %2 中 %1 的库存变动 %3</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="170"/>
        <source>Tickets: escalate to the %1 team</source>
        <translation>工单：升级至%1团队</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="173"/>
        <source> (urgent)</source>
        <translation>（紧急）</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="175"/>
        <source>Tandem: close the case as “%1”</source>
        <translation>Tandem：以“%1”关闭案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="190"/>
        <source>standard delivery</source>
        <translation>标准配送</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="191"/>
        <source>express</source>
        <translation>加急配送</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="197"/>
        <source>email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="198"/>
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="199"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="205"/>
        <source>Trace</source>
        <translation>追踪</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="206"/>
        <source>Claim</source>
        <translation>索赔</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="207"/>
        <source>Expedite</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="208"/>
        <source>Return pickup</source>
        <translation>退货取件</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="209"/>
        <source>Hold</source>
        <translation>暂扣</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="215"/>
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="216"/>
        <source>billing</source>
        <translation>账务</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="217"/>
        <source>logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="218"/>
        <source>technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="219"/>
        <source>legal</source>
        <translation>法务</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="225"/>
        <source>resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="226"/>
        <source>no action needed</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="227"/>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_wording.py" line="228"/>
        <source>customer unreachable</source>
        <translation>无法联系客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="70"/>
        <source>Select step %1</source>
        <translation>选择第 %1 步</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="71"/>
        <source>Select this step to approve, edit or reject it on its own</source>
        <translation>选择此步骤以单独批准、编辑或驳回</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="271"/>
        <source>Edited by you: approving uses your version.</source>
        <translation>已由您编辑：批准时使用您的版本。</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="135"/>
        <source>Write-back of step %1</source>
        <translation>第 %1 步的回写</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="202"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="203"/>
        <location filename="../../console/ui/proposal_steps.py" line="208"/>
        <source>Send step %1 again</source>
        <translation>重新发送第 %1 步</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="204"/>
        <source>Send it again with its original key: it is never done twice</source>
        <translation>使用原来的幂等键重新发送：绝不会执行两次</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="207"/>
        <source>Send again</source>
        <translation>重新发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="210"/>
        <source>Send it again with its original key: if it was done, the remote system does not do it twice</source>
        <translation>使用原来的幂等键重新发送：如果已经执行，远程系统不会再执行一次</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="215"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="216"/>
        <source>Cancel step %1: it will not be sent</source>
        <translation>取消第 %1 步：不会发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="217"/>
        <source>Give up on it: it will not be sent</source>
        <translation>放弃：不会再发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="220"/>
        <source>Mark done</source>
        <translation>标记为完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="221"/>
        <source>Mark step %1 done: you checked the remote system</source>
        <translation>将第 %1 步标记为完成：您已核查远程系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="222"/>
        <source>You checked the remote system and it was done</source>
        <translation>您已核查远程系统，操作已完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="225"/>
        <source>Mark not done</source>
        <translation>标记为未完成</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="226"/>
        <source>Mark step %1 not done: you checked the remote system</source>
        <translation>将第 %1 步标记为未完成：您已核查远程系统</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="227"/>
        <source>You checked the remote system and it was not done; nothing is sent</source>
        <translation>您已核查远程系统，操作未完成；不会发送</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="230"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="231"/>
        <source>Undo step %1</source>
        <translation>撤销第 %1 步</translation>
    </message>
    <message>
        <location filename="../../console/ui/proposal_steps.py" line="232"/>
        <source>Undo it with a compensating step, approved like any other</source>
        <translation>用一个补偿步骤撤销它，该步骤与其他步骤一样需要批准</translation>
    </message>
</context>
<context>
    <name>StepDiffView</name>
    <message>
        <location filename="../../console/ui/step_form.py" line="73"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="73"/>
        <source>Proposed</source>
        <translation>提议值</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="73"/>
        <source>Edited</source>
        <translation>编辑后</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="74"/>
        <source>Changes to the proposed step</source>
        <translation>对提议步骤的更改</translation>
    </message>
</context>
<context>
    <name>StepEditDialog</name>
    <message>
        <location filename="../../console/ui/step_form.py" line="117"/>
        <source>Edit step: %1</source>
        <translation>编辑步骤：%1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="124"/>
        <location filename="../../console/ui/step_form.py" line="152"/>
        <source>No changes yet</source>
        <translation>尚无更改</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="131"/>
        <source>Use edited step</source>
        <translation>使用编辑后的步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="132"/>
        <source>Use the edited step</source>
        <translation>使用编辑后的步骤</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="150"/>
        <source>Fix the marked fields to see the changes</source>
        <translation>请修正标出的字段以查看更改</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="152"/>
        <source>Changes</source>
        <translation>更改</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="157"/>
        <source>Fix the marked fields to re-check who may approve this step.</source>
        <translation>请修正标出的字段，以便重新检查谁可以批准此步骤。</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_form.py" line="166"/>
        <source>Could not re-check who may approve this step.</source>
        <translation>无法重新检查谁可以批准此步骤。</translation>
    </message>
</context>
<context>
    <name>StepEditForm</name>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="70"/>
        <source>%1 · step %2</source>
        <translation>%1 · 步骤 %2</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="91"/>
        <source>Problems with the edited step</source>
        <translation>编辑后步骤的问题</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="133"/>
        <source>Optional: leave empty for none</source>
        <translation>可选：留空表示无</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="140"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="141"/>
        <source>Subscription</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="142"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="143"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="144"/>
        <source>Shipment</source>
        <translation>货件</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="145"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="146"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="147"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="148"/>
        <source>Items</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="149"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="150"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="151"/>
        <source>Shipping</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="152"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="153"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="154"/>
        <location filename="../../console/ui/step_edit_form.py" line="158"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="155"/>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="156"/>
        <source>Carrier</source>
        <translation>承运商</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="157"/>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="159"/>
        <source>Warehouse</source>
        <translation>仓库</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="160"/>
        <source>Change</source>
        <translation>变动</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="161"/>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="162"/>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="163"/>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="164"/>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="165"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="176"/>
        <source>Standard delivery</source>
        <translation>标准配送</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="177"/>
        <source>Express</source>
        <translation>加急配送</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="178"/>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="179"/>
        <source>Chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="180"/>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="181"/>
        <source>Trace</source>
        <translation>追踪</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="182"/>
        <source>Claim</source>
        <translation>索赔</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="183"/>
        <source>Expedite</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="184"/>
        <source>Return pickup</source>
        <translation>退货取件</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="185"/>
        <source>Hold</source>
        <translation>暂扣</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="186"/>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="187"/>
        <source>Billing</source>
        <translation>账务</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="188"/>
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="189"/>
        <source>Technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="190"/>
        <source>Legal</source>
        <translation>法务</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="191"/>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="192"/>
        <source>No action needed</source>
        <translation>无需处理</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="193"/>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="194"/>
        <source>Customer unreachable</source>
        <translation>无法联系客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_edit_form.py" line="213"/>
        <location filename="../../console/ui/step_editors.py" line="331"/>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_editors.py" line="99"/>
        <location filename="../../console/ui/step_editors.py" line="205"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_editors.py" line="262"/>
        <location filename="../../console/ui/step_fields.py" line="42"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_editors.py" line="283"/>
        <source>Add item</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_editors.py" line="305"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_editors.py" line="337"/>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_editors.py" line="348"/>
        <source>Add a row to %1</source>
        <translation>向 %1 添加一行</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="127"/>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="132"/>
        <source>can&apos;t be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="133"/>
        <source>needs at least %1 characters</source>
        <translation>至少需要 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="137"/>
        <source>is too long: at most %1 characters</source>
        <translation>过长：最多 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="143"/>
        <source>must be three capital letters, like USD</source>
        <translation>必须为三个大写字母，如 USD</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="147"/>
        <source>must be a language code, like en or zh-CN</source>
        <translation>必须为语言代码，如 en 或 zh-CN</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="151"/>
        <source>must start with a letter or digit and use only letters, digits and _ . : -</source>
        <translation>必须以字母或数字开头，且只能包含字母、数字和 _ . : -</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="155"/>
        <source>is not in the expected form</source>
        <translation>格式不正确</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="157"/>
        <source>must be a number, like 12.50</source>
        <translation>必须为数字，如 12.50</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="159"/>
        <source>must be a finite number</source>
        <translation>必须为有限数值</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="161"/>
        <source>must be a whole number</source>
        <translation>必须为整数</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="164"/>
        <source>can&apos;t be negative</source>
        <translation>不能为负数</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="165"/>
        <source>must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="169"/>
        <source>must be more than %1</source>
        <translation>必须大于 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="173"/>
        <source>must be at most %1</source>
        <translation>不能大于 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="177"/>
        <source>must be less than %1</source>
        <translation>必须小于 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="181"/>
        <source>has too many digits: at most %1</source>
        <translation>位数过多：最多 %1 位</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="185"/>
        <source>has too many decimal places: at most %1</source>
        <translation>小数位数过多：最多 %1 位</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="189"/>
        <source>needs at least %1 row(s)</source>
        <translation>至少需要 %1 行</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="193"/>
        <source>has too many rows: at most %1</source>
        <translation>行数过多：最多 %1 行</translation>
    </message>
    <message>
        <location filename="../../console/ui/step_fields.py" line="197"/>
        <source>is not one of the choices</source>
        <translation>不在可选项中</translation>
    </message>
</context>
<context>
    <name>StopControls</name>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="52"/>
        <source>Refunds paused</source>
        <translation>退款已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="53"/>
        <source>Reships paused</source>
        <translation>补发已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="54"/>
        <source>Account credits paused</source>
        <translation>账户抵扣已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="57"/>
        <source>Replies to customers paused</source>
        <translation>回复客户已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="60"/>
        <source>Logistics notices paused</source>
        <translation>物流通知已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="63"/>
        <source>Inventory adjustments paused</source>
        <translation>库存调整已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="66"/>
        <source>Escalations paused</source>
        <translation>升级已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="67"/>
        <source>Closing cases paused</source>
        <translation>关闭案例已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="68"/>
        <source>%1 paused</source>
        <translation>%1已暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="77"/>
        <source>AI paused by %1 since %2</source>
        <translation>AI 已由 %1 于 %2 暂停</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="82"/>
        <source>AI running</source>
        <translation>AI 运行中</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="90"/>
        <source>The whole AI</source>
        <translation>整个 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="95"/>
        <source>%1: %2, %3</source>
        <translation>%1：%2，%3</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="103"/>
        <source>The AI plans cases as they change.</source>
        <translation>案例变化时 AI 会自动规划。</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="116"/>
        <location filename="../../console/ui/stop_controls.py" line="172"/>
        <source>Pause AI</source>
        <translation>暂停 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="117"/>
        <location filename="../../console/ui/stop_controls.py" line="174"/>
        <source>Pause the AI</source>
        <translation>暂停 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="122"/>
        <source>&amp;Supervise</source>
        <translation>主管(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="123"/>
        <location filename="../../console/ui/stop_controls.py" line="171"/>
        <source>&amp;Pause the AI</source>
        <translation>暂停 AI(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="127"/>
        <source>Pause with a &amp;reason…</source>
        <translation>暂停并说明原因(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="129"/>
        <source>Pause one action &amp;type</source>
        <translation>暂停某类操作(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="147"/>
        <source>Stop the AI planning at once (%1)</source>
        <translation>立即停止 AI 规划（%1）</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="171"/>
        <source>&amp;Resume the AI</source>
        <translation>恢复 AI(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="172"/>
        <source>Resume AI</source>
        <translation>恢复 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="174"/>
        <source>Resume the AI</source>
        <translation>恢复 AI</translation>
    </message>
    <message>
        <location filename="../../console/ui/stop_controls.py" line="135"/>
        <source>Pause one action type: %1</source>
        <translation>暂停某类操作：%1</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../console/ui/timeline_model.py" line="62"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_model.py" line="63"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_model.py" line="64"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_model.py" line="65"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_model.py" line="73"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_model.py" line="75"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_model.py" line="77"/>
        <source>ddd d MMM</source>
        <translation>M月d日 ddd</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_model.py" line="79"/>
        <source>ddd d MMM yyyy</source>
        <translation>yyyy年M月d日 ddd</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="41"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="49"/>
        <source>Case timeline</source>
        <translation>案例时间线</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="52"/>
        <source>Event detail</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="55"/>
        <source>Select an event and press Enter (or double-click it) to read it in full.</source>
        <translation>选择一个事件并按回车（或双击）查看完整内容。</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="135"/>
        <source>%1 of %2 events</source>
        <translation>%1 / %2 个事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="288"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="138"/>
        <source>1 event</source>
        <translation>1 条事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_panel.py" line="140"/>
        <source>%1 events</source>
        <translation>%1 条事件</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../console/ui/timeline_view.py" line="38"/>
        <source>Jump to the newest events</source>
        <translation>跳到最新事件</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_view.py" line="47"/>
        <source>Timeline columns</source>
        <translation>时间线列标题</translation>
    </message>
    <message>
        <location filename="../../console/ui/timeline_view.py" line="88"/>
        <source>%1 new ↓</source>
        <translation>%1 条新事件 ↓</translation>
    </message>
</context>
<context>
    <name>WaitingModel</name>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="64"/>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="65"/>
        <source>Case</source>
        <translation>案例</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="66"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="67"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="68"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="69"/>
        <source>Why a supervisor</source>
        <translation>需主管审批的原因</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="70"/>
        <source>Asked by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="71"/>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="91"/>
        <source>%1, overdue</source>
        <translation>%1，已超时</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="125"/>
        <source>Asked at %1</source>
        <translation>提交于 %1</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="127"/>
        <source>Waiting longer than %1: overdue</source>
        <translation>等待超过 %1：已超时</translation>
    </message>
    <message>
        <location filename="../../console/ui/approvals_table.py" line="135"/>
        <source>%1
(rule %2, map version %3)</source>
        <translation>%1
（规则 %2，权限图版本 %3）</translation>
    </message>
</context>
</TS>
