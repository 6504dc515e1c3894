<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountEditor</name>
    <message>
        <source>New account</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Name of the key account:</source>
        <translation>大客户名称：</translation>
    </message>
    <message>
        <source>Rename account</source>
        <translation>重命名客户</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete the account “%1” with all its people, links, needs and history?
You can undo this with Edit ▸ Undo.</source>
        <translation>删除客户“%1”及其全部联系人、关系、需求和历史记录？
可通过 编辑 ▸ 撤销 恢复。</translation>
    </message>
    <message>
        <source>Archive person</source>
        <translation>归档联系人</translation>
    </message>
    <message>
        <source>Archive %1 (left the company)? Their history is kept.</source>
        <translation>将 %1 归档（已离职）？其历史记录会保留。</translation>
    </message>
    <message>
        <source>Delete person</source>
        <translation>删除联系人</translation>
    </message>
    <message>
        <source>Delete %1 and their links, needs and participation in interactions?
To keep their history, archive them instead.</source>
        <translation>删除 %1 及其关系、需求和互动参与记录？
如需保留其历史记录，请改为归档。</translation>
    </message>
    <message>
        <source>Add to team</source>
        <translation>加入团队</translation>
    </message>
    <message>
        <source>Everyone on our side already works on this account.</source>
        <translation>我方所有成员都已在此客户的团队中。</translation>
    </message>
    <message>
        <source>Team member:</source>
        <translation>我方成员：</translation>
    </message>
    <message>
        <source>%1 (our team)</source>
        <translation>%1（我方）</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加关系</translation>
    </message>
    <message>
        <source>Add at least two people first.</source>
        <translation>请先添加至少两个人。</translation>
    </message>
    <message>
        <source>Add criterion</source>
        <translation>添加评估项</translation>
    </message>
    <message>
        <source>Name of the criterion:</source>
        <translation>评估项名称：</translation>
    </message>
    <message>
        <source>Weight:</source>
        <translation>权重：</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>删除评估项</translation>
    </message>
    <message>
        <source>Remove the criterion “%1” and its ratings on every account?</source>
        <translation>删除评估项“%1”及其在所有客户上的评分？</translation>
    </message>
</context>
<context>
    <name>AccountList</name>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>分级</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Read only for you (a read grant on the team server)</source>
        <translation>对你只读（团队服务器上的只读授权）</translation>
    </message>
    <message>
        <source>Owner: %1</source>
        <translation>负责人：%1</translation>
    </message>
    <message>
        <source>Also working on it: %1</source>
        <translation>共同跟进：%1</translation>
    </message>
</context>
<context>
    <name>AccountListPanel</name>
    <message>
        <source>Search accounts…</source>
        <translation>搜索客户…</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部分级</translation>
    </message>
    <message>
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) shown</source>
        <translation>
            <numerusform>显示 %n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n in all</source>
        <translation>
            <numerusform>共 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Show archived people</source>
        <translation>显示已归档联系人</translation>
    </message>
    <message>
        <source>Roles on this account…</source>
        <translation>在本客户的角色…</translation>
    </message>
    <message>
        <source>Which roles of our team the selected member fills here</source>
        <translation>所选成员在本客户承担我方团队的哪些角色</translation>
    </message>
    <message>
        <source>Map</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>People</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Our team</source>
        <translation>我方团队</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>关系</translation>
    </message>
</context>
<context>
    <name>AccountProfilePanel</name>
    <message>
        <source>Profile</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Employees</source>
        <translation>员工人数(&amp;E)</translation>
    </message>
    <message>
        <source>Annual re&amp;venue</source>
        <translation>年营业额(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Purchasing capacity</source>
        <translation>采购能力(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Tier</source>
        <translation>客户分级(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Lead source</source>
        <translation>信息来源渠道(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Add criterion…</source>
        <translation>添加评估项…</translation>
    </message>
    <message>
        <source>Remove criterion</source>
        <translation>删除评估项</translation>
    </message>
    <message>
        <source>Qualification (weighted criteria)</source>
        <translation>客户需求评估（加权评估项）</translation>
    </message>
    <message>
        <source>Select an account to see its profile.</source>
        <translation>选择一个客户以查看其画像。</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>Qualification score: %1 / 100</source>
        <translation>评估得分：%1 / 100</translation>
    </message>
    <message>
        <source>Qualification score: not rated yet</source>
        <translation>评估得分：尚未评分</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>Edit next action</source>
        <translation>编辑下一步行动</translation>
    </message>
    <message>
        <source>Add next action</source>
        <translation>添加下一步行动</translation>
    </message>
    <message>
        <source>No owner yet</source>
        <translation>暂无负责人</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>无特定人员</translation>
    </message>
    <message>
        <source>Who asked for it: the owner owes it to them (a hand-off between departments, listed in the team view)</source>
        <translation>由谁提出：负责人需向其交付（跨部门交接，列在团队视图中）</translation>
    </message>
    <message>
        <source>No one in particular</source>
        <translation>不针对具体联系人</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>行动(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Requested by</source>
        <translation>提出人(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Due date</source>
        <translation>到期日(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;With</source>
        <translation>相关联系人(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Please say what is to be done.</source>
        <translation>请填写要做的事。</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>{date} · Overdue</source>
        <translation>{date} · 逾期</translation>
    </message>
    <message>
        <source>Overdue: due {date}</source>
        <translation>逾期：应于 {date} 完成</translation>
    </message>
</context>
<context>
    <name>ActionsPanel</name>
    <message>
        <source>Show done and cancelled</source>
        <translation>显示已完成和已取消</translation>
    </message>
    <message>
        <source>Delete next action</source>
        <translation>删除下一步行动</translation>
    </message>
    <message>
        <source>Delete the action “{text}”?</source>
        <translation>删除行动“{text}”？</translation>
    </message>
</context>
<context>
    <name>Analysis</name>
    <message>
        <source>coverage gap</source>
        <translation>覆盖缺口</translation>
    </message>
    <message>
        <source>nobody of ours knows them</source>
        <translation>我方无人认识</translation>
    </message>
    <message>
        <source>hidden power</source>
        <translation>隐性权力</translation>
    </message>
    <message>
        <source>less power than declared</source>
        <translation>实际影响低于标注</translation>
    </message>
    <message>
        <source>reporting cycle</source>
        <translation>汇报关系成环</translation>
    </message>
    <message>
        <source>gone stale</source>
        <translation>关系已冷却</translation>
    </message>
    <message>
        <source>closer on paper than in the history</source>
        <translation>登记的关系强于互动记录</translation>
    </message>
    <message>
        <source>closer in the history than on paper</source>
        <translation>互动记录强于登记的关系</translation>
    </message>
    <message>
        <source>contact overdue</source>
        <translation>联系已逾期</translation>
    </message>
    <message>
        <source>champion at risk</source>
        <translation>内线有风险</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Influence score</source>
        <translation>影响力得分</translation>
    </message>
    <message>
        <source>Brokerage</source>
        <translation>中介度</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>标注影响力</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Coalition</source>
        <translation>阵营</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>有效关系</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Share of influence flowing to this person through reporting lines, influence, alliances and acquaintances (PageRank); all sum to 1</source>
        <translation>通过汇报、影响、盟友和相识关系流向此人的影响力份额（PageRank），所有人合计为 1</translation>
    </message>
    <message>
        <source>How often this person stands on the shortest path between two others</source>
        <translation>此人处在其他两人之间最短路径上的频率</translation>
    </message>
    <message>
        <source>Influence as declared on the person&apos;s card (1–5)</source>
        <translation>卡片上标注的影响力（1–5）</translation>
    </message>
    <message>
        <source>Our strongest relationship with this person (0 = none)</source>
        <translation>我方与此人最强的关系（0 = 无）</translation>
    </message>
    <message>
        <source>Groups that are more connected among themselves than with the rest</source>
        <translation>内部联系比与外部联系更紧密的群体</translation>
    </message>
    <message>
        <source>Our strongest relationship once time is counted: one level less for every 60 days without meeting (a relationship never met counts one less)</source>
        <translation>计入时间后的最强关系：每 60 天未见面降一级（从未见面的关系降一级）</translation>
    </message>
    <message>
        <source>When this person last took part in an interaction we logged</source>
        <translation>此人上次参与我们记录的互动的时间</translation>
    </message>
</context>
<context>
    <name>AnalysisPanel</name>
    <message>
        <source>No overlay on the map</source>
        <translation>关系图上不叠加分析</translation>
    </message>
    <message>
        <source>Size cards by influence score</source>
        <translation>按影响力得分调整卡片大小</translation>
    </message>
    <message>
        <source>Size cards by brokerage</source>
        <translation>按中介度调整卡片大小</translation>
    </message>
    <message>
        <source>Colour by coalition</source>
        <translation>按阵营着色</translation>
    </message>
    <message>
        <source>Highlight coverage gaps</source>
        <translation>突出覆盖缺口</translation>
    </message>
    <message>
        <source>Route to the selected person</source>
        <translation>到所选联系人的引荐路径</translation>
    </message>
    <message>
        <source>Declared levels</source>
        <translation>登记等级</translation>
    </message>
    <message>
        <source>Effective levels</source>
        <translation>有效等级</translation>
    </message>
    <message>
        <source>Draw our relationships as declared, or at their effective level, as they count today: one level less for every 60 days without contact</source>
        <translation>按登记的等级画出我们的关系，或按有效等级——如今实际算数的等级：每 60 天没有接触就降一级</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Power grid</source>
        <translation>权力矩阵</translation>
    </message>
    <message>
        <source>What if</source>
        <translation>假设分析</translation>
    </message>
    <message>
        <source>Relationships</source>
        <translation>关系维护</translation>
    </message>
    <message>
        <source>The analysis could not be computed.</source>
        <translation>无法完成分析。</translation>
    </message>
    <message>
        <source>Analysing…</source>
        <translation>正在分析…</translation>
    </message>
    <message>
        <source>Coverage score: %1 (share of influence we reach at working level or better)</source>
        <translation>覆盖得分：%1（我方在工作关系及以上覆盖的影响力占比）</translation>
    </message>
    <message>
        <source>Effective coverage: %1 declared, %2 once time is counted; %3 gone stale</source>
        <translation>有效覆盖：登记 %1，计入时间后 %2；%3 人关系已冷却</translation>
    </message>
    <message>
        <source>Support index: %1 (−1 all against us … +1 all for us)</source>
        <translation>支持指数：%1（−1 全部反对 … +1 全部支持）</translation>
    </message>
    <message>
        <source>Coverage gaps: %1</source>
        <translation>覆盖缺口：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>NPS: %1 (weighted by influence: %2)</source>
        <translation>净推荐值（NPS）：%1（按影响力加权：%2）</translation>
    </message>
    <message>
        <source>Single-threaded: every strong relationship goes through one of us.</source>
        <translation>单线联系：所有强关系都只经过我方一人。</translation>
    </message>
    <message>
        <source>Data problem: %1</source>
        <translation>数据问题：%1</translation>
    </message>
    <message>
        <source>reporting lines go round in a circle: %1</source>
        <translation>汇报关系形成了循环：%1</translation>
    </message>
    <message>
        <source>reports to several managers: %1</source>
        <translation>同时向多位上级汇报：%1</translation>
    </message>
    <message>
        <source>Select a person on the map to see how we can reach them.</source>
        <translation>在关系图上选择一个人，查看我方如何接触到他。</translation>
    </message>
    <message>
        <source>Best introduction: %1 (strength %2)</source>
        <translation>最佳引荐：%1（强度 %2）</translation>
    </message>
    <message>
        <source>Also: %1 (%2)</source>
        <translation>备选：%1（%2）</translation>
    </message>
</context>
<context>
    <name>CardAnatomyDialog</name>
    <message>
        <source>What a card shows</source>
        <translation>卡片说明</translation>
    </message>
    <message>
        <source>Stance: the strip on the left</source>
        <translation>态度：左侧色条</translation>
    </message>
    <message>
        <source>Its colour and its sign say where the person stands towards us, so colour is never the only cue (and a greyscale print still reads):</source>
        <translation>颜色和符号共同表示此人对我方的态度，因此不只靠颜色区分（黑白打印也能看懂）：</translation>
    </message>
    <message>
        <source>Name, title and department</source>
        <translation>姓名、职务和部门</translation>
    </message>
    <message>
        <source>Zoomed out, the card shows the name only, in letters big enough to read.</source>
        <translation>缩小视图时，卡片只显示姓名，字号保持清晰可读。</translation>
    </message>
    <message>
        <source>Role badge: the coloured pill</source>
        <translation>角色标签：彩色圆角标签</translation>
    </message>
    <message>
        <source>The person&apos;s buying role (economic buyer, decision-maker, technical buyer, coach…); a card without a badge has no known role. Our team members are dark cards with an “Our team” badge.</source>
        <translation>此人在采购中的角色（经济决策者、决策者、技术把关者、内线/教练……）；没有标签表示角色未定。我方成员为深色卡片，带“我方”标签。</translation>
    </message>
    <message>
        <source>Influence dots: bottom right</source>
        <translation>影响力圆点：右下角</translation>
    </message>
    <message>
        <source>Declared influence from 1 to 5: filled dots, and a bigger card for more influence.</source>
        <translation>填写的影响力（1–5）：实心圆点的数量；影响力越大，卡片越大。</translation>
    </message>
    <message>
        <source>Coverage: the links from our team</source>
        <translation>覆盖：来自我方成员的连线</translation>
    </message>
    <message>
        <source>A line from a team member&apos;s card is our relationship with the person: the thicker, the closer. The analysis rings the people that nobody on our side knows well enough.</source>
        <translation>从我方成员卡片连出的线表示我方与此人的关系：线越粗，关系越近。分析会用圆环标出我方无人熟识的人。</translation>
    </message>
    <message>
        <source>Badges and rings</source>
        <translation>标记与圆环</translation>
    </message>
    <message>
        <source>A red ! on the corner: an overdue next action with the person. A coloured ring: what an analysis overlay marks (a route, a coalition, a coverage gap, an opportunity). A dashed ring with Δ: a change since the snapshot being compared.</source>
        <translation>角上的红色“!”：与此人相关的下一步行动已逾期。彩色圆环：分析图层标出的内容（引荐路径、联盟、覆盖缺口、商机）。带 Δ 的虚线圆环：与所对比的快照相比有变化。</translation>
    </message>
</context>
<context>
    <name>ChampionAlerts</name>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Hide until the list changes</source>
        <translation>隐藏，直到名单变化</translation>
    </message>
    <message>
        <source>left the account</source>
        <translation>已离开客户</translation>
    </message>
    <message>
        <source>stance fell since the last snapshot</source>
        <translation>态度比上次快照时差</translation>
    </message>
    <message>
        <source>the relationship has gone stale</source>
        <translation>关系已冷却</translation>
    </message>
    <message>
        <source>our only strong relationship (%1) has gone stale</source>
        <translation>我们唯一的深度关系（%1）已冷却</translation>
    </message>
    <message numerus="yes">
        <source>%n more in Analysis ▸ Relationships</source>
        <translation>
            <numerusform>另有 %n 人，见“分析 ▸ 关系维护”</numerusform>
        </translation>
    </message>
    <message>
        <source>Champions at risk (%1):</source>
        <translation>内线有风险（%1）：</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Add account {name}</source>
        <translation>添加客户 {name}</translation>
    </message>
    <message>
        <source>Rename account {old} to {new}</source>
        <translation>将客户 {old} 重命名为 {new}</translation>
    </message>
    <message>
        <source>Edit profile of {name}</source>
        <translation>编辑 {name} 的客户画像</translation>
    </message>
    <message>
        <source>Delete account {name}</source>
        <translation>删除客户 {name}</translation>
    </message>
    <message>
        <source>Add {name}</source>
        <translation>添加 {name}</translation>
    </message>
    <message>
        <source>Archive {name}</source>
        <translation>归档 {name}</translation>
    </message>
    <message>
        <source>Restore {name}</source>
        <translation>恢复 {name}</translation>
    </message>
    <message>
        <source>Edit {name}</source>
        <translation>编辑 {name}</translation>
    </message>
    <message>
        <source>Delete {name}</source>
        <translation>删除 {name}</translation>
    </message>
    <message>
        <source>Add team member {name}</source>
        <translation>添加我方成员 {name}</translation>
    </message>
    <message>
        <source>Edit team member {name}</source>
        <translation>编辑我方成员 {name}</translation>
    </message>
    <message>
        <source>Add {name} to the team of {account}</source>
        <translation>将 {name} 加入 {account} 的团队</translation>
    </message>
    <message>
        <source>Remove {name} from the team of {account}</source>
        <translation>将 {name} 移出 {account} 的团队</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加关系</translation>
    </message>
    <message>
        <source>Edit link</source>
        <translation>编辑关系</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>删除关系</translation>
    </message>
    <message>
        <source>Rate {criterion}</source>
        <translation>评分：{criterion}</translation>
    </message>
    <message>
        <source>Add criterion {name}</source>
        <translation>添加评估项 {name}</translation>
    </message>
    <message>
        <source>Edit criterion {name}</source>
        <translation>编辑评估项 {name}</translation>
    </message>
    <message>
        <source>Delete criterion {name}</source>
        <translation>删除评估项 {name}</translation>
    </message>
    <message>
        <source>Move %n card(s)</source>
        <translation>移动 %n 张卡片</translation>
    </message>
    <message>
        <source>Nudge %n card(s)</source>
        <translation>微调 %n 张卡片</translation>
    </message>
    <message>
        <source>Auto-layout: {name}</source>
        <translation>自动布局：{name}</translation>
    </message>
    <message>
        <source>Add need “{text}”</source>
        <translation>添加需求“{text}”</translation>
    </message>
    <message>
        <source>Edit need “{text}”</source>
        <translation>编辑需求“{text}”</translation>
    </message>
    <message>
        <source>Delete need “{text}”</source>
        <translation>删除需求“{text}”</translation>
    </message>
    <message>
        <source>Log interaction of {date}</source>
        <translation>记录 {date} 的互动</translation>
    </message>
    <message>
        <source>Edit interaction of {date}</source>
        <translation>编辑 {date} 的互动</translation>
    </message>
    <message>
        <source>Delete interaction of {date}</source>
        <translation>删除 {date} 的互动</translation>
    </message>
    <message>
        <source>Add action “{text}”</source>
        <translation>添加行动“{text}”</translation>
    </message>
    <message>
        <source>Complete “{text}”</source>
        <translation>完成“{text}”</translation>
    </message>
    <message>
        <source>Edit action “{text}”</source>
        <translation>编辑行动“{text}”</translation>
    </message>
    <message>
        <source>Delete action “{text}”</source>
        <translation>删除行动“{text}”</translation>
    </message>
    <message>
        <source>Add opportunity {name}</source>
        <translation>添加商机 {name}</translation>
    </message>
    <message>
        <source>Edit opportunity {name}</source>
        <translation>编辑商机 {name}</translation>
    </message>
    <message>
        <source>Delete opportunity {name}</source>
        <translation>删除商机 {name}</translation>
    </message>
    <message>
        <source>Take snapshot {name}</source>
        <translation>拍摄快照 {name}</translation>
    </message>
    <message>
        <source>Delete snapshot {name}</source>
        <translation>删除快照 {name}</translation>
    </message>
    <message>
        <source>Record survey answer of {name}</source>
        <translation>记录{name}的满意度调查</translation>
    </message>
    <message>
        <source>Delete survey answer of {name}</source>
        <translation>删除{name}的满意度调查</translation>
    </message>
    <message>
        <source>Set contact cadence of {role}</source>
        <translation>设置{role}的联系频率</translation>
    </message>
    <message>
        <source>Import {count} survey answers from {file}</source>
        <translation>从 {file} 导入 {count} 条满意度调查结果</translation>
    </message>
    <message>
        <source>Set the team template of {tier}</source>
        <translation>设置{tier}客户的团队模板</translation>
    </message>
    <message>
        <source>Set the roles of {name}</source>
        <translation>设置 {name} 的角色</translation>
    </message>
    <message>
        <source>Rate {name}</source>
        <translation>评定 {name} 的能力</translation>
    </message>
    <message>
        <source>Set the account&apos;s competency need</source>
        <translation>设置客户的能力需求</translation>
    </message>
    <message>
        <source>Add competency {name}</source>
        <translation>添加能力项 {name}</translation>
    </message>
    <message>
        <source>Rename competency to {name}</source>
        <translation>将能力项改名为 {name}</translation>
    </message>
    <message>
        <source>Delete competency {name}</source>
        <translation>删除能力项 {name}</translation>
    </message>
    <message>
        <source>Keep the team&apos;s value of {row}</source>
        <translation>保留团队对 {row} 的值</translation>
    </message>
    <message>
        <source>Use my value of {row}</source>
        <translation>使用我对 {row} 的值</translation>
    </message>
    <message>
        <source>Set a new value of {row}</source>
        <translation>为 {row} 设置新值</translation>
    </message>
    <message>
        <source>Keep {row} as two people</source>
        <translation>将 {row} 保留为两个人</translation>
    </message>
    <message>
        <source>Merge the two {row}</source>
        <translation>合并两个 {row}</translation>
    </message>
    <message>
        <source>Keep the team&apos;s version of {row}</source>
        <translation>保留团队的 {row}</translation>
    </message>
    <message>
        <source>Keep my version of {row}</source>
        <translation>保留我的 {row}</translation>
    </message>
</context>
<context>
    <name>Competency</name>
    <message>
        <source>Competency</source>
        <translation>能力项</translation>
    </message>
    <message>
        <source>Rating (1–5)</source>
        <translation>评分（1–5）</translation>
    </message>
    <message>
        <source>Needed (1–5)</source>
        <translation>需要（1–5）</translation>
    </message>
    <message>
        <source>Team&apos;s best</source>
        <translation>团队最高</translation>
    </message>
    <message>
        <source>Held by</source>
        <translation>具备者</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Sync &amp;conflicts…</source>
        <translation>同步冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>A sync conflict waits: View ▸ Sync conflicts…</source>
        <translation>有待处理的同步冲突：视图 ▸ 同步冲突…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Competitor preference</source>
        <translation>竞争对手倾向</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Theirs</source>
        <translation>团队的值</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>我的值</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>保留团队的值</translation>
    </message>
    <message>
        <source>Use mine</source>
        <translation>使用我的值</translation>
    </message>
    <message>
        <source>Type another value…</source>
        <translation>输入其他值…</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>可能重复的人员</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>From the team</source>
        <translation>来自团队</translation>
    </message>
    <message>
        <source>Added by</source>
        <translation>添加人</translation>
    </message>
    <message>
        <source>Merge into one person</source>
        <translation>合并为一人</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>两人都保留</translation>
    </message>
    <message>
        <source>No open conflicts: this file and the team server agree.</source>
        <translation>没有待处理的冲突：此文件与团队服务器一致。</translation>
    </message>
    <message>
        <source>Deleted here, changed by the team</source>
        <translation>本机已删除，团队已修改</translation>
    </message>
    <message>
        <source>Changed here, deleted by the team</source>
        <translation>本机已修改，团队已删除</translation>
    </message>
    <message>
        <source>Another value</source>
        <translation>其他值</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message numerus="yes">
        <source>%n open conflict(s): the team&apos;s value is the one in use until you choose.</source>
        <translation>
            <numerusform>%n 个待处理冲突：在你选择之前使用团队的值。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n possible duplicate(s).</source>
        <translation>
            <numerusform>%n 组可能重复的人员。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoverageSupportChart</name>
    <message>
        <source>Coverage score (%)</source>
        <translation>覆盖率（%）</translation>
    </message>
    <message>
        <source>Support index</source>
        <translation>支持指数</translation>
    </message>
    <message>
        <source>A point per account, sized by open pipeline; orange: single-threaded. Bottom left: little known and leaning against us.</source>
        <translation>每个点代表一个客户，大小表示在途商机金额；橙色：单线联系。左下角：了解少且倾向反对我们。</translation>
    </message>
    <message>
        <source>Coverage %1% · support %2</source>
        <translation>覆盖率 %1% · 支持指数 %2</translation>
    </message>
    <message>
        <source>Pipeline: %1</source>
        <translation>在途商机：%1</translation>
    </message>
    <message>
        <source>Single-threaded</source>
        <translation>单线联系</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>Single-threaded</source>
        <translation>单线联系</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>支持指数</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成行动</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Days since contact</source>
        <translation>距上次接触天数</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>在途商机</translation>
    </message>
    <message>
        <source>Team roles missing</source>
        <translation>团队缺少的角色</translation>
    </message>
    <message>
        <source>Effective</source>
        <translation>有效覆盖</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>已冷却</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>NPS</translation>
    </message>
    <message>
        <source>Champions at risk</source>
        <translation>内线风险</translation>
    </message>
    <message>
        <source>Share of the committee, weighted by influence, that we know at least as a working relationship</source>
        <translation>按影响力加权，我方至少达到工作关系的采购委员会成员占比</translation>
    </message>
    <message>
        <source>Economic buyers, decision-makers and highly influential people we do not know well enough</source>
        <translation>我方了解不够的经济决策者、决策者和高影响力人物</translation>
    </message>
    <message>
        <source>Every strong relationship runs through one team member</source>
        <translation>所有牢固关系都集中在一位团队成员身上</translation>
    </message>
    <message>
        <source>−1 (all against us) … +1 (all for us), weighted by influence</source>
        <translation>−1（全部反对）… +1（全部支持），按影响力加权</translation>
    </message>
    <message>
        <source>Open opportunities (not won or lost), per currency</source>
        <translation>未结商机（未赢单也未丢单），按币种</translation>
    </message>
    <message>
        <source>Roles of the tier&apos;s team template nobody on our side fills</source>
        <translation>该级别团队模板中我方无人承担的角色</translation>
    </message>
    <message>
        <source>Coverage once time is counted: a relationship loses a level for every 60 days without meeting</source>
        <translation>计入时间后的覆盖：每 60 天未见面，关系降一级</translation>
    </message>
    <message>
        <source>People we claim to know well whom nobody has met lately</source>
        <translation>登记为熟悉、但近来无人见过的人</translation>
    </message>
    <message>
        <source>Net promoter score of the latest survey answers, −100 … +100</source>
        <translation>最近一次满意度调查的净推荐值，−100 … +100</translation>
    </message>
    <message>
        <source>Coaches and advocates who left, turned or went stale</source>
        <translation>已离开、态度转变或关系冷却的内线和拥护者</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Nobody in this role on the map</source>
        <translation>关系图上没有这一角色的人</translation>
    </message>
    <message>
        <source>%1 of %2 known at least as a working relationship (best: %3)</source>
        <translation>%2 人中有 %1 人达到工作关系或以上（最强：%3）</translation>
    </message>
    <message>
        <source>Holds every strong relationship</source>
        <translation>掌握全部牢固关系</translation>
    </message>
    <message>
        <source>Our only way in</source>
        <translation>我方唯一入口</translation>
    </message>
    <message>
        <source>Their only bridge</source>
        <translation>对方唯一桥梁</translation>
    </message>
    <message>
        <source>Would cut us off from %1</source>
        <translation>一旦离开，我方将无法接触 %1</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>风险</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>What is at stake</source>
        <translation>影响</translation>
    </message>
</context>
<context>
    <name>DashboardExport</name>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Coverage by role</source>
        <translation>按角色的覆盖</translation>
    </message>
    <message>
        <source>Structural risk</source>
        <translation>结构性风险</translation>
    </message>
    <message>
        <source>Interactions per month</source>
        <translation>每月往来</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>团队成员</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <source>Gaps</source>
        <translation>缺口</translation>
    </message>
    <message>
        <source>Key people not covered</source>
        <translation>未覆盖的关键人物</translation>
    </message>
    <message>
        <source>Single-threaded</source>
        <translation>单线联系</translation>
    </message>
    <message>
        <source>Support index</source>
        <translation>支持指数</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成行动</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>逾期行动</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>最近往来</translation>
    </message>
    <message>
        <source>Days since last interaction</source>
        <translation>距最近往来天数</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>在途商机</translation>
    </message>
    <message>
        <source>Pipeline (%1)</source>
        <translation>在途商机（%1）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无人</translation>
    </message>
    <message>
        <source>Green, 2/2: everyone in the role is covered (working relationship or better)</source>
        <translation>绿色，2/2：该角色的所有人都已覆盖（工作关系或以上）</translation>
    </message>
    <message>
        <source>Amber, 1/2: some of them are covered</source>
        <translation>琥珀色，1/2：部分已覆盖</translation>
    </message>
    <message>
        <source>Red, 0/2: none of them is covered</source>
        <translation>红色，0/2：均未覆盖</translation>
    </message>
    <message>
        <source>Grey: nobody on the map holds the role</source>
        <translation>灰色：关系图上无人担任该角色</translation>
    </message>
    <message>
        <source>Sole relationship holder</source>
        <translation>唯一关系持有人</translation>
    </message>
    <message>
        <source>Cut-point</source>
        <translation>关键节点</translation>
    </message>
    <message>
        <source>Side</source>
        <translation>所属方</translation>
    </message>
    <message>
        <source>Cuts off</source>
        <translation>将切断</translation>
    </message>
    <message>
        <source>client</source>
        <translation>客户方</translation>
    </message>
    <message>
        <source>our team</source>
        <translation>我方团队</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Interactions</source>
        <translation>往来次数</translation>
    </message>
    <message>
        <source>Accounts, least covered first</source>
        <translation>客户（覆盖最少的在前）</translation>
    </message>
    <message>
        <source>Coverage of the buying roles</source>
        <translation>采购角色的覆盖情况</translation>
    </message>
    <message>
        <source>Interactions in the last twelve months</source>
        <translation>最近十二个月的往来</translation>
    </message>
    <message>
        <source>%1 accounts · %2 single-threaded · %3 with an economic buyer or decision-maker not covered · %4 quiet for %5 days or more · %6 overdue actions</source>
        <translation>%1 个客户 · %2 个单线联系 · %3 个有未覆盖的经济决策者或决策者 · %4 个已沉寂 %5 天或以上 · %6 项逾期行动</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>另有 %1 人</translation>
    </message>
    <message>
        <source>single-threaded</source>
        <translation>单线联系</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 项逾期</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>还没有客户。</translation>
    </message>
    <message>
        <source>Each cell: people of the role we know at least as a working relationship / people of the role on the map.</source>
        <translation>每格：该角色中我方达到工作关系或以上的人数 / 关系图上该角色的人数。</translation>
    </message>
    <message>
        <source>No structural risks found.</source>
        <translation>未发现结构性风险。</translation>
    </message>
    <message>
        <source>A sole relationship holder is the one member of our team who knows the account well; a cut-point is someone without whom our team could no longer reach the economic buyers and decision-makers named.</source>
        <translation>唯一关系持有人指我方团队中唯一与该客户关系牢固的成员；关键节点指一旦缺少此人，我方团队就无法再接触到所列经济决策者和决策者的人。</translation>
    </message>
    <message>
        <source>Key accounts: coverage and risk</source>
        <translation>大客户：覆盖与风险</translation>
    </message>
    <message>
        <source>As of %1, prepared by %2</source>
        <translation>截至 %1，%2 编制</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <source>Key accounts: coverage and risk</source>
        <translation>大客户：覆盖与风险</translation>
    </message>
    <message>
        <source>Find an account…</source>
        <translation>查找客户…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Coverage by role</source>
        <translation>按角色的覆盖</translation>
    </message>
    <message>
        <source>Structural risk</source>
        <translation>结构性风险</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>✓ all known at least as a working relationship · ◐ some · ✗ none · — nobody in this role</source>
        <translation>✓ 全部达到工作关系或以上 · ◐ 部分 · ✗ 无 · — 无人担任该角色</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <source>Computing coverage and risk…</source>
        <translation>正在计算覆盖与风险…</translation>
    </message>
    <message>
        <source>Could not compute the dashboard.</source>
        <translation>无法计算仪表板。</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) in %1 s</source>
        <translation>
            <numerusform>%n 个客户，用时 %1 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <source>All owners</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <source>The whole team</source>
        <translation>整个团队</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n single-threaded</source>
        <translation>
            <numerusform>%n 个单线联系</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n with a decision-maker we do not know well</source>
        <translation>
            <numerusform>%n 个有我方了解不够的决策者</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n quiet for %1 days or more</source>
        <translation>
            <numerusform>%n 个已沉寂 %1 天或以上</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue action(s)</source>
        <translation>
            <numerusform>%n 项逾期行动</numerusform>
        </translation>
    </message>
    <message>
        <source>Key accounts %1</source>
        <translation>大客户 %1</translation>
    </message>
    <message>
        <source>Coverage against support</source>
        <translation>覆盖率与支持指数</translation>
    </message>
    <message>
        <source>Contacts per month</source>
        <translation>每月接触次数</translation>
    </message>
    <message>
        <source>PDF documents</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Excel workbooks</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <source>No key accounts yet</source>
        <translation>还没有大客户</translation>
    </message>
    <message>
        <source>A key account holds the decision map of one customer&apos;s buying committee: who decides, who influences whom, who is for or against you, and how well your team knows each of them. Look around the demo accounts, start one of your own, or import the people you already have.</source>
        <translation>每个大客户都有一张采购决策链关系图：谁拍板、谁影响谁、谁支持或反对我方，以及我方团队与每个人的关系有多深。可以先看看示例客户，也可以新建自己的客户，或导入已有的联系人。</translation>
    </message>
    <message>
        <source>Select a key account in the list, or create one with Account ▸ New account.</source>
        <translation>请在列表中选择一个大客户，或通过“客户 ▸ 新建客户”创建。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export %1</source>
        <translation>导出 %1</translation>
    </message>
    <message>
        <source>PDF (decision map and stakeholder table)</source>
        <translation>PDF（决策关系图和联系人表）</translation>
    </message>
    <message>
        <source>PNG picture of the map</source>
        <translation>关系图 PNG 图片</translation>
    </message>
    <message>
        <source>SVG drawing of the map</source>
        <translation>关系图 SVG 矢量图</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Shareable: leave out stances, influence, notes, personal wins and rival links</source>
        <translation>可分享版本：去掉态度、影响力、备注、个人诉求和对立关系</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
</context>
<context>
    <name>ExportDone</name>
    <message>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Show in folder</source>
        <translation>在文件夹中显示</translation>
    </message>
</context>
<context>
    <name>Failures</name>
    <message>
        <source>No permission to write or read “%1”.</source>
        <translation>没有读写“%1”的权限。</translation>
    </message>
    <message>
        <source>The disk is full (“%1”).</source>
        <translation>磁盘已满（“%1”）。</translation>
    </message>
    <message>
        <source>“%1” does not exist (or its folder does not).</source>
        <translation>“%1”不存在（或其所在文件夹不存在）。</translation>
    </message>
    <message>
        <source>“%1” is on a read-only disk.</source>
        <translation>“%1”位于只读磁盘上。</translation>
    </message>
    <message>
        <source>“%1” is a folder, not a file.</source>
        <translation>“%1”是文件夹，不是文件。</translation>
    </message>
</context>
<context>
    <name>FileWriting</name>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The file could not be written; a file already there was left as it was.</source>
        <translation>无法写入文件；原有的同名文件保持不变。</translation>
    </message>
</context>
<context>
    <name>FrequencyStrip</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>FreshnessPanel</name>
    <message>
        <source>Gone stale (%1)</source>
        <translation>关系已冷却（%1）</translation>
    </message>
    <message>
        <source>last met %1 — book a meeting</source>
        <translation>上次见面是%1 — 约个会面</translation>
    </message>
    <message>
        <source>no meeting on record — book a meeting</source>
        <translation>没有见面记录 — 约个会面</translation>
    </message>
    <message>
        <source>%1&apos;s relationship is declared “%2” and counts as “%3” today</source>
        <translation>%1的关系登记为“%2”，如今只算“%3”</translation>
    </message>
    <message>
        <source>Claims and evidence disagree (%1)</source>
        <translation>登记与记录不符（%1）</translation>
    </message>
    <message>
        <source>%3 declares “%1”, the last 180 days show “%2”</source>
        <translation>%3登记为“%1”，近 180 天的互动只显示“%2”</translation>
    </message>
    <message>
        <source>the last 180 days with %3 show “%2”, declared only “%1”</source>
        <translation>与%3近 180 天的互动显示“%2”，登记仅为“%1”</translation>
    </message>
    <message>
        <source>Contact overdue (%1)</source>
        <translation>联系已逾期（%1）</translation>
    </message>
    <message>
        <source>every %1 days, last contact %2</source>
        <translation>每 %1 天联系一次，上次联系是%2</translation>
    </message>
    <message>
        <source>every %1 days, no contact on record</source>
        <translation>每 %1 天联系一次，没有联系记录</translation>
    </message>
    <message>
        <source>Plan contact</source>
        <translation>安排约见</translation>
    </message>
    <message>
        <source>Add a next action to meet this person within a week</source>
        <translation>添加下一步行动：一周内约见此人</translation>
    </message>
    <message>
        <source>left the account</source>
        <translation>已离开客户</translation>
    </message>
    <message>
        <source>stance fell since the last snapshot</source>
        <translation>态度比上次快照时差</translation>
    </message>
    <message>
        <source>the relationship has gone stale</source>
        <translation>关系已冷却</translation>
    </message>
    <message>
        <source>Champions at risk (%1)</source>
        <translation>内线有风险（%1）</translation>
    </message>
    <message>
        <source>our only strong relationship (%1) has gone stale</source>
        <translation>我们唯一的深度关系（%1）已冷却</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Meet %1 before %2</source>
        <translation>约见%1（%2前）</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已安排</translation>
    </message>
</context>
<context>
    <name>HelpPages</name>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>Map</source>
        <translation>关系图</translation>
    </message>
    <message>
        <source>Rename the selected card</source>
        <translation>重命名所选卡片</translation>
    </message>
    <message>
        <source>Delete the selected cards and links</source>
        <translation>删除所选卡片和关系</translation>
    </message>
    <message>
        <source>Select every card shown</source>
        <translation>选中所有显示的卡片</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <source>Move the selected cards (further with Shift)</source>
        <translation>移动所选卡片（按住 Shift 移动更多）</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>方向键</translation>
    </message>
    <message>
        <source>Zoom in or out</source>
        <translation>放大或缩小</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>鼠标滚轮</translation>
    </message>
    <message>
        <source>Zhang Wei</source>
        <translation>张伟</translation>
    </message>
    <message>
        <source>CIO</source>
        <translation>首席信息官</translation>
    </message>
    <message>
        <source>Information technology</source>
        <translation>信息技术部</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <source>Dinner</source>
        <translation>宴请</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>+2 · Very positive</source>
        <translation>+2 · 非常积极</translation>
    </message>
    <message>
        <source>+1 · Positive</source>
        <translation>+1 · 积极</translation>
    </message>
    <message>
        <source>0 · Neutral</source>
        <translation>0 · 中性</translation>
    </message>
    <message>
        <source>−1 · Negative</source>
        <translation>−1 · 消极</translation>
    </message>
    <message>
        <source>−2 · Very negative</source>
        <translation>−2 · 非常消极</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参与人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Sentiment</source>
        <translation>情绪</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Log interaction…</source>
        <translation>记录互动…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部联系人</translation>
    </message>
    <message>
        <source>Contacts per month, last 12 months</source>
        <translation>近 12 个月每月接触次数</translation>
    </message>
    <message>
        <source>Contacts per month with %1, last 12 months</source>
        <translation>近 12 个月每月与 %1 的接触次数</translation>
    </message>
    <message>
        <source>Delete the interaction of %1?
You can undo this with Edit ▸ Undo.</source>
        <translation>删除 %1 的互动记录？
可通过 编辑 ▸ 撤销 恢复。</translation>
    </message>
    <message>
        <source>Delete interaction</source>
        <translation>删除互动记录</translation>
    </message>
</context>
<context>
    <name>ImportCommand</name>
    <message>
        <source>Dry run: nothing written.</source>
        <translation>试运行：未写入任何内容。</translation>
    </message>
    <message>
        <source>%1 to create, %2 updated, %3 unchanged, %4 links, %5 refused</source>
        <translation>将新建 %1，更新 %2，不变 %3，关系 %4，拒绝 %5</translation>
    </message>
    <message>
        <source>to create</source>
        <translation>将新建</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>%1 created, %2 updated, %3 unchanged, %4 links, %5 refused</source>
        <translation>新建 %1，更新 %2，不变 %3，关系 %4，拒绝 %5</translation>
    </message>
    <message>
        <source>created</source>
        <translation>已新建</translation>
    </message>
    <message>
        <source>New account.</source>
        <translation>新客户。</translation>
    </message>
    <message>
        <source>Encoding: %1.</source>
        <translation>编码：%1。</translation>
    </message>
    <message>
        <source>Sheet: %1.</source>
        <translation>工作表：%1。</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>已更新</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>matched by name only (check they are the same person)</source>
        <translation>仅按姓名匹配（请确认是同一人）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>not imported (unknown columns)</source>
        <translation>未导入（无法识别的列）</translation>
    </message>
    <message>
        <source>%1: unknown extension; give --format</source>
        <translation>%1：无法识别的扩展名；请用 --format 指定格式</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1 interactions to add, %2 already imported, %3 events skipped</source>
        <translation>将添加 %1 条互动记录，%2 条已导入过，跳过 %3 个日程</translation>
    </message>
    <message>
        <source>%1 interactions added, %2 already imported, %3 events skipped</source>
        <translation>已添加 %1 条互动记录，%2 条已导入过，跳过 %3 个日程</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import people</source>
        <translation>导入联系人</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>From the file&apos;s extension</source>
        <translation>按文件扩展名</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>自动检测</translation>
    </message>
    <message>
        <source>The first with a name column</source>
        <translation>第一个有姓名列的工作表</translation>
    </message>
    <message>
        <source>Choose a file, then Preview to see what it would change.</source>
        <translation>选择文件后点击“预览”，查看导入会带来哪些变化。</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>编码(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Sheet</source>
        <translation>工作表(&amp;S)</translation>
    </message>
    <message>
        <source>Into &amp;account</source>
        <translation>导入到客户(&amp;A)</translation>
    </message>
    <message>
        <source>Encoding: %1 (if the sample below reads wrongly, choose another under Encoding)</source>
        <translation>编码：%1（如果下面的样例显示不正确，请在“编码”中另选一种）</translation>
    </message>
    <message>
        <source>Sheet: %1</source>
        <translation>工作表：%1</translation>
    </message>
    <message>
        <source>%1 matched by name only: check they are the same people.</source>
        <translation>%1 人仅按姓名匹配：请确认是同一人。</translation>
    </message>
    <message>
        <source>Sample as read:</source>
        <translation>读取到的样例：</translation>
    </message>
    <message>
        <source>Choose an existing file, its format and the account to import into.</source>
        <translation>请选择一个已有文件、其格式以及要导入的客户。</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>Simplified Chinese (GB18030, GBK)</source>
        <translation>简体中文（GB18030、GBK）</translation>
    </message>
    <message>
        <source>Traditional Chinese (Big5)</source>
        <translation>繁体中文（Big5）</translation>
    </message>
    <message>
        <source>Western European (Windows-1252)</source>
        <translation>西欧语言（Windows-1252）</translation>
    </message>
    <message>
        <source>Western European (ISO 8859-1)</source>
        <translation>西欧语言（ISO 8859-1）</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <source>Calendar events (iCalendar .ics)</source>
        <translation>日历日程（.ics）</translation>
    </message>
    <message>
        <source>Contacts, maps and calendars (*.csv *.txt *.xlsx *.xlsm *.vcf *.vcard *.graphml *.gexf *.json *.ics);;All files (*)</source>
        <translation>联系人、地图和日历 (*.csv *.txt *.xlsx *.xlsm *.vcf *.vcard *.graphml *.gexf *.json *.ics);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何内容。</translation>
    </message>
    <message>
        <source>The file was refused and nothing was written: %1</source>
        <translation>文件被拒绝，未写入任何内容：%1</translation>
    </message>
    <message>
        <source>Preview — nothing written yet.</source>
        <translation>预览——尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>已导入。</translation>
    </message>
    <message>
        <source>%1 to create, %2 to update, %3 unchanged, %4 links, %5 refused.</source>
        <translation>新建 %1 人，更新 %2 人，%3 人无变化，%4 条关系，拒绝 %5 行。</translation>
    </message>
    <message>
        <source>The account will be created.</source>
        <translation>将新建该客户。</translation>
    </message>
    <message>
        <source>To create</source>
        <translation>将新建</translation>
    </message>
    <message>
        <source>To update</source>
        <translation>将更新</translation>
    </message>
    <message>
        <source>Unchanged (already there)</source>
        <translation>无变化（已存在）</translation>
    </message>
    <message>
        <source>Matched by name only (no id or e-mail to confirm)</source>
        <translation>仅按姓名匹配（没有编号或邮箱可确认）</translation>
    </message>
    <message>
        <source>Refused (%1)</source>
        <translation>被拒绝（%1）</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>Imported with a field left unknown (%1)</source>
        <translation>已导入，但有字段保留为未知（%1）</translation>
    </message>
    <message>
        <source>Columns not used</source>
        <translation>未使用的列</translation>
    </message>
    <message>
        <source>Skipped events have nobody of the account among their attendees (matched by e-mail, then by name).</source>
        <translation>跳过的日程的参会人中没有该客户的人员（先按邮箱匹配，再按姓名匹配）。</translation>
    </message>
    <message>
        <source>To log (%1)</source>
        <translation>将记录（%1）</translation>
    </message>
    <message>
        <source>Logged (%1)</source>
        <translation>已记录（%1）</translation>
    </message>
    <message>
        <source>Already imported (%1)</source>
        <translation>已导入过（%1）</translation>
    </message>
    <message>
        <source>Skipped: nobody of the account attends (%1)</source>
        <translation>已跳过：没有该客户的人员参加（%1）</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>警告（%1）</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <source>no name in this row</source>
        <translation>此行没有姓名</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>没有姓名</translation>
    </message>
    <message>
        <source>%a: influence must be 1 to 5, not “%b”</source>
        <translation>%a：影响力应为 1 到 5，而不是“%b”</translation>
    </message>
    <message>
        <source>influence must be 1 to 5, not “%b”</source>
        <translation>影响力应为 1 到 5，而不是“%b”</translation>
    </message>
    <message>
        <source>%a: unknown buying role “%b”</source>
        <translation>%a：未知的角色“%b”</translation>
    </message>
    <message>
        <source>%a: unknown stance “%b”</source>
        <translation>%a：未知的态度“%b”</translation>
    </message>
    <message>
        <source>%a: “%b” is not in the file or the account</source>
        <translation>%a：“%b”不在文件或客户中</translation>
    </message>
    <message>
        <source>%a: a link needs two different people</source>
        <translation>%a：关系需要两个不同的人</translation>
    </message>
    <message>
        <source>%a: strength must be 1 to 5, not %b</source>
        <translation>%a：强度应为 1 到 5，而不是 %b</translation>
    </message>
    <message>
        <source>%a: unknown link kind “%b”</source>
        <translation>%a：未知的关系类型“%b”</translation>
    </message>
    <message>
        <source>%a: “our relationship” goes from a team member to a customer&apos;s person</source>
        <translation>%a：“我方关系”只能从我方成员指向客户方联系人</translation>
    </message>
    <message>
        <source>card %a: no name (FN or N)</source>
        <translation>第 %a 张名片：没有姓名（FN 或 N）</translation>
    </message>
    <message>
        <source>card %a: unreadable (the property “%b” is not plain text)</source>
        <translation>第 %a 张名片无法读取（属性“%b”不是纯文本）</translation>
    </message>
    <message>
        <source>card %a: unreadable (%b)</source>
        <translation>第 %a 张名片：无法读取（%b）</translation>
    </message>
    <message>
        <source>card %a: unreadable</source>
        <translation>第 %a 张名片：无法读取</translation>
    </message>
    <message>
        <source>card %a: %b</source>
        <translation>第 %a 张名片：%b</translation>
    </message>
    <message>
        <source>event %a: repeats more often than daily; only its first occurrence was imported</source>
        <translation>第 %a 个日程：重复频率高于每天一次；只导入了第一次</translation>
    </message>
    <message>
        <source>event %a: unreadable</source>
        <translation>第 %a 个日程：无法读取</translation>
    </message>
    <message>
        <source>no event could be read (first: %a)</source>
        <translation>没有可读取的日程（第一个问题：%a）</translation>
    </message>
    <message>
        <source>event %a: no start (DTSTART)</source>
        <translation>第 %a 个日程：没有开始时间（DTSTART）</translation>
    </message>
    <message>
        <source>no calendar in the file (no BEGIN:VCALENDAR line)</source>
        <translation>文件中没有日历（没有 BEGIN:VCALENDAR 行）</translation>
    </message>
    <message>
        <source>no event in the file (no BEGIN:VEVENT)</source>
        <translation>文件中没有日程（没有 BEGIN:VEVENT）</translation>
    </message>
    <message>
        <source>not a readable iCalendar file</source>
        <translation>不是可读取的 iCalendar 文件</translation>
    </message>
    <message>
        <source>a recurring event cannot be expanded</source>
        <translation>无法展开重复日程</translation>
    </message>
    <message>
        <source>more than %a occurrences of a recurring event; the rest were left out</source>
        <translation>重复日程超过 %a 次；其余的未导入</translation>
    </message>
    <message>
        <source>no account named “%a”; calendar events are logged on an account that has people</source>
        <translation>没有名为“%a”的客户；日历日程只能记录到已有人员的客户上</translation>
    </message>
    <message>
        <source>node %a: no name and no id</source>
        <translation>第 %a 个节点：没有名称也没有 id</translation>
    </message>
    <message>
        <source>node %a “%b”: %c</source>
        <translation>第 %a 个节点“%b”：%c</translation>
    </message>
    <message>
        <source>edge %a %b: strength “%c” is not 1 to 5</source>
        <translation>第 %a 条边 %b：强度“%c”不在 1 到 5 之间</translation>
    </message>
    <message>
        <source>%c; left unknown</source>
        <translation>%c；该项保留为未知</translation>
    </message>
    <message>
        <source>%a fields where the header has %b; the extra ones were left out</source>
        <translation>有 %a 个字段，而表头只有 %b 个；多出的字段未导入</translation>
    </message>
    <message>
        <source>line %a: a quoted field is never closed</source>
        <translation>第 %a 行：引号内的字段没有结束引号</translation>
    </message>
    <message>
        <source>line %a: the row is not well-formed CSV</source>
        <translation>第 %a 行：不是格式正确的 CSV</translation>
    </message>
    <message>
        <source>line %a: not valid %b</source>
        <translation>第 %a 行：不是有效的 %b</translation>
    </message>
    <message>
        <source>unknown encoding “%a”</source>
        <translation>无法识别的编码“%a”</translation>
    </message>
    <message>
        <source>no sheet named “%a” (the workbook has: %b)</source>
        <translation>没有名为“%a”的工作表（工作簿中有：%b）</translation>
    </message>
    <message>
        <source>not a readable Excel workbook</source>
        <translation>不是可读的 Excel 工作簿</translation>
    </message>
    <message>
        <source>no sheet has a header row with a name column (e.g. Name, First Name, 姓名)</source>
        <translation>没有哪个工作表有含姓名列的表头（如 Name、First Name、姓名）</translation>
    </message>
    <message>
        <source>the sheet “%a” has no header row with a name column (e.g. Name, First Name, 姓名)</source>
        <translation>工作表“%a”没有含姓名列的表头（如 Name、First Name、姓名）</translation>
    </message>
    <message>
        <source>link %a → %b: strength “%c” is not 1 to 5</source>
        <translation>关系 %a → %b：强度“%c”不在 1 到 5 之间</translation>
    </message>
    <message>
        <source>not well-formed XML (line %a, column %b)</source>
        <translation>XML 格式不正确（第 %a 行，第 %b 列）</translation>
    </message>
    <message>
        <source>not readable XML</source>
        <translation>无法读取的 XML</translation>
    </message>
    <message>
        <source>not a readable JSON file (line %a, column %b)</source>
        <translation>不是可读的 JSON 文件（第 %a 行，第 %b 列）</translation>
    </message>
    <message>
        <source>not a readable JSON file</source>
        <translation>不是可读的 JSON 文件</translation>
    </message>
    <message>
        <source>the JSON is nested more than %a levels deep; refused</source>
        <translation>JSON 嵌套超过 %a 层，已拒绝</translation>
    </message>
    <message>
        <source>not a Stakemap account (no “format”: “stakemap-account” field); people come in from CSV, XLSX, vCard, GraphML or GEXF</source>
        <translation>不是 Stakemap 客户文件（没有 “format”: “stakemap-account” 字段）；联系人请从 CSV、XLSX、vCard、GraphML 或 GEXF 导入</translation>
    </message>
    <message>
        <source>%a: “%b” names several people; give an id</source>
        <translation>%a：“%b”对应多个人，请提供编号</translation>
    </message>
    <message>
        <source>unknown buying role “%b”</source>
        <translation>未知的角色“%b”</translation>
    </message>
    <message>
        <source>unknown stance “%b”</source>
        <translation>未知的态度“%b”</translation>
    </message>
    <message>
        <source>side must be client or team, not “%b”</source>
        <translation>side 应为 client 或 team，而不是“%b”</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>no header row with a name column (e.g. Name, First Name, 姓名)</source>
        <translation>没有包含姓名列的表头行（如 Name、First Name、姓名）</translation>
    </message>
    <message>
        <source>cannot tell the text encoding; choose one under Encoding</source>
        <translation>无法判断文本编码，请在“编码”中选择</translation>
    </message>
    <message>
        <source>not readable as %a: %b</source>
        <translation>无法按 %a 读取：%b</translation>
    </message>
    <message>
        <source>not readable as %a</source>
        <translation>无法按 %a 读取</translation>
    </message>
    <message>
        <source>cannot read the file: %a</source>
        <translation>无法读取文件：%a</translation>
    </message>
    <message>
        <source>the file declares XML entities (a possible entity-expansion attack); refused</source>
        <translation>文件声明了 XML 实体（可能是实体膨胀攻击），已拒绝</translation>
    </message>
    <message>
        <source>the file refers to an external XML entity (%a); refused</source>
        <translation>文件引用了外部 XML 实体（%a），已拒绝</translation>
    </message>
    <message>
        <source>the file refers to external XML entities or documents; refused</source>
        <translation>文件引用了外部 XML 实体或文档，已拒绝</translation>
    </message>
    <message>
        <source>the file has a document type declaration; refused</source>
        <translation>文件含有文档类型声明，已拒绝</translation>
    </message>
    <message>
        <source>not well-formed XML: %a</source>
        <translation>XML 格式不正确：%a</translation>
    </message>
    <message>
        <source>not GraphML (the root element is %a)</source>
        <translation>不是 GraphML（根元素为 %a）</translation>
    </message>
    <message>
        <source>not GEXF (the root element is %a)</source>
        <translation>不是 GEXF（根元素为 %a）</translation>
    </message>
    <message>
        <source>no &lt;graph&gt; element</source>
        <translation>没有 &lt;graph&gt; 元素</translation>
    </message>
    <message>
        <source>no vCard in the file (no BEGIN:VCARD line)</source>
        <translation>文件中没有 vCard（没有 BEGIN:VCARD 行）</translation>
    </message>
    <message>
        <source>the file is larger than %a MB</source>
        <translation>文件大于 %a MB</translation>
    </message>
    <message>
        <source>no person could be imported%a</source>
        <translation>没有可导入的联系人%a</translation>
    </message>
    <message>
        <source>not a readable JSON file: %a</source>
        <translation>不是可读取的 JSON 文件：%a</translation>
    </message>
    <message>
        <source>account “%a” already exists and has people or records; import into a new account</source>
        <translation>客户“%a”已存在且已有联系人或记录；请导入到新客户</translation>
    </message>
    <message>
        <source>expected text, not %a</source>
        <translation>应为文本，而不是 %a</translation>
    </message>
    <message>
        <source>expected a number, not %a</source>
        <translation>应为数字，而不是 %a</translation>
    </message>
    <message>
        <source>expected a whole number from %a to %b, not %d</source>
        <translation>应为 %a 到 %b 之间的整数，而不是 %d</translation>
    </message>
    <message>
        <source>expected a whole number, not %a</source>
        <translation>应为整数，而不是 %a</translation>
    </message>
    <message>
        <source>unknown value %a (one of %b)</source>
        <translation>未知的值 %a（可选：%b）</translation>
    </message>
    <message>
        <source>expected true or false, not %a</source>
        <translation>应为 true 或 false，而不是 %a</translation>
    </message>
    <message>
        <source>expected an ISO date, not %a</source>
        <translation>应为 ISO 格式的日期（如 2026-12-01），而不是 %a</translation>
    </message>
    <message>
        <source>expected an ISO date and time, not %a</source>
        <translation>应为 ISO 格式的日期和时间（如 2026-12-01T09:30），而不是 %a</translation>
    </message>
    <message>
        <source>expected a decimal amount, not %a</source>
        <translation>应为金额数字，而不是 %a</translation>
    </message>
    <message>
        <source>expected a decimal amount of 0 or more, not %a</source>
        <translation>应为不小于 0 的金额，而不是 %a</translation>
    </message>
    <message>
        <source>not a Stakemap account: expected an object with “account”, “people”, …</source>
        <translation>不是 Stakemap 客户文件：应为含有“account”“people”等字段的对象</translation>
    </message>
    <message>
        <source>%a: expected an object</source>
        <translation>%a：应为对象</translation>
    </message>
    <message>
        <source>%a: expected a list</source>
        <translation>%a：应为列表</translation>
    </message>
    <message>
        <source>%a: %b is missing</source>
        <translation>%a：缺少 %b</translation>
    </message>
    <message>
        <source>%a: ref %b is not text or is used twice</source>
        <translation>%a：引用 %b 不是文本，或被重复使用</translation>
    </message>
    <message>
        <source>%a: %b “%d” is unknown</source>
        <translation>%a：%b“%d”不存在</translation>
    </message>
    <message>
        <source>%a: %b “%d” is ambiguous: give its ref</source>
        <translation>%a：%b“%d”对应多条记录，请给出其 ref</translation>
    </message>
    <message>
        <source>%a: %b refers to %d, which is not in the file</source>
        <translation>%a：%b 引用的 %d 不在文件中</translation>
    </message>
    <message>
        <source>%a: a participant names nobody</source>
        <translation>%a：有一位参与者没有写明是谁</translation>
    </message>
    <message>
        <source>%a: %b: %c</source>
        <translation>%a：%b：%c</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Edit interaction</source>
        <translation>编辑互动记录</translation>
    </message>
    <message>
        <source>Log interaction</source>
        <translation>记录互动</translation>
    </message>
    <message>
        <source>%1 (our team)</source>
        <translation>%1（我方）</translation>
    </message>
    <message>
        <source>What was discussed, agreed or learned</source>
        <translation>讨论、约定或了解到的内容</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>&amp;Date and time</source>
        <translation>日期和时间(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>渠道(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Participants</source>
        <translation>参与人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Summary</source>
        <translation>摘要(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;entiment</source>
        <translation>情绪(&amp;E)</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Strategic</source>
        <translation>战略</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长</translation>
    </message>
    <message>
        <source>Maintain</source>
        <translation>维持</translation>
    </message>
    <message>
        <source>Economic buyer</source>
        <translation>经济决策者</translation>
    </message>
    <message>
        <source>Decision-maker</source>
        <translation>决策者</translation>
    </message>
    <message>
        <source>Technical buyer</source>
        <translation>技术把关者</translation>
    </message>
    <message>
        <source>User buyer</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>Coach (insider)</source>
        <translation>内线/教练</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>守门人</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批者</translation>
    </message>
    <message>
        <source>Procurement</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Unknown role</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>Advocate</source>
        <translation>拥护</translation>
    </message>
    <message>
        <source>Supporter</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>中立</translation>
    </message>
    <message>
        <source>Skeptic</source>
        <translation>怀疑</translation>
    </message>
    <message>
        <source>Opponent</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Unknown stance</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>1 · Minimal</source>
        <translation>1 · 极低</translation>
    </message>
    <message>
        <source>2 · Low</source>
        <translation>2 · 低</translation>
    </message>
    <message>
        <source>3 · Medium</source>
        <translation>3 · 中</translation>
    </message>
    <message>
        <source>4 · High</source>
        <translation>4 · 高</translation>
    </message>
    <message>
        <source>5 · Decisive</source>
        <translation>5 · 决定性</translation>
    </message>
    <message>
        <source>1 · Aware</source>
        <translation>1 · 知晓</translation>
    </message>
    <message>
        <source>2 · Acquainted</source>
        <translation>2 · 认识</translation>
    </message>
    <message>
        <source>3 · Working relationship</source>
        <translation>3 · 工作关系</translation>
    </message>
    <message>
        <source>4 · Trusted</source>
        <translation>4 · 信任</translation>
    </message>
    <message>
        <source>5 · Advocate</source>
        <translation>5 · 深度信任</translation>
    </message>
    <message>
        <source>Reports to</source>
        <translation>汇报</translation>
    </message>
    <message>
        <source>Dotted-line report</source>
        <translation>虚线汇报</translation>
    </message>
    <message>
        <source>Influences</source>
        <translation>影响</translation>
    </message>
    <message>
        <source>Ally</source>
        <translation>盟友</translation>
    </message>
    <message>
        <source>Rival</source>
        <translation>对立</translation>
    </message>
    <message>
        <source>Knows</source>
        <translation>认识</translation>
    </message>
    <message>
        <source>Our relationship</source>
        <translation>我方关系</translation>
    </message>
    <message>
        <source>Account manager</source>
        <translation>客户经理</translation>
    </message>
    <message>
        <source>Solution consultant</source>
        <translation>解决方案顾问</translation>
    </message>
    <message>
        <source>Executive sponsor</source>
        <translation>高层支持者</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>交付</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Very high</source>
        <translation>很高</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>转介绍</translation>
    </message>
    <message>
        <source>Existing customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>Event or trade show</source>
        <translation>活动或展会</translation>
    </message>
    <message>
        <source>Inbound enquiry</source>
        <translation>客户来询</translation>
    </message>
    <message>
        <source>Outbound prospecting</source>
        <translation>主动开发</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作伙伴</translation>
    </message>
    <message>
        <source>Public tender</source>
        <translation>公开招标</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Access to decision-makers</source>
        <translation>接触决策者</translation>
    </message>
    <message>
        <source>Strength of need</source>
        <translation>需求强度</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间表</translation>
    </message>
    <message>
        <source>Strategic fit</source>
        <translation>战略契合度</translation>
    </message>
    <message>
        <source>Industry knowledge</source>
        <translation>行业知识</translation>
    </message>
    <message>
        <source>Solution selling</source>
        <translation>方案销售</translation>
    </message>
    <message>
        <source>Executive presence</source>
        <translation>高层影响力</translation>
    </message>
    <message>
        <source>Relationship building</source>
        <translation>关系建立</translation>
    </message>
    <message>
        <source>Internal coordination</source>
        <translation>内部协同</translation>
    </message>
    <message>
        <source>Business need</source>
        <translation>组织需求</translation>
    </message>
    <message>
        <source>Personal need</source>
        <translation>个人诉求</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>已识别</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Addressed</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>High priority</source>
        <translation>高优先级</translation>
    </message>
    <message>
        <source>Medium priority</source>
        <translation>中优先级</translation>
    </message>
    <message>
        <source>Low priority</source>
        <translation>低优先级</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Need recognition</source>
        <translation>需求确认</translation>
    </message>
    <message>
        <source>Requirements</source>
        <translation>需求定义</translation>
    </message>
    <message>
        <source>Evaluation of options</source>
        <translation>方案评估</translation>
    </message>
    <message>
        <source>Shortlist</source>
        <translation>入围</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>商务谈判</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>赢单</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>丢单</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Edit link</source>
        <translation>编辑关系</translation>
    </message>
    <message>
        <source>Add link</source>
        <translation>添加关系</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Relationship</source>
        <translation>关系(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Strength (1–5)</source>
        <translation>强度（1–5）(&amp;S)</translation>
    </message>
    <message>
        <source>A link needs two different people.</source>
        <translation>关系需要两个不同的人。</translation>
    </message>
    <message>
        <source>“Our relationship” goes from a member of our team to a customer&apos;s person.</source>
        <translation>“我方关系”只能从我方成员指向客户方联系人。</translation>
    </message>
    <message>
        <source>Reporting lines stay within one organisation: a member of our team does not report to the customer&apos;s people, nor they to us.</source>
        <translation>汇报关系只在同一组织内部：我方成员不向客户的人汇报，客户的人也不向我方汇报。</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Stakemap — %1</source>
        <translation>Stakemap — %1</translation>
    </message>
    <message>
        <source>Key accounts</source>
        <translation>大客户</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Account profile</source>
        <translation>客户画像</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>History</source>
        <translation>互动记录</translation>
    </message>
    <message>
        <source>Next actions</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Snapshots</source>
        <translation>快照</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Needs, history and actions</source>
        <translation>需求、互动与行动</translation>
    </message>
    <message>
        <source>No database is open. Use File ▸ Open database… or File ▸ New database…</source>
        <translation>未打开数据库。请使用 文件 ▸ 打开数据库… 或 文件 ▸ 新建数据库…</translation>
    </message>
    <message>
        <source>&amp;New database…</source>
        <translation>新建数据库(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Load &amp;demo accounts</source>
        <translation>载入示例客户(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Import people…</source>
        <translation>导入联系人(&amp;I)…</translation>
    </message>
    <message>
        <source>CSV, vCard, GraphML, GEXF or a Stakemap JSON file</source>
        <translation>CSV、vCard、GraphML、GEXF 或 Stakemap JSON 文件</translation>
    </message>
    <message>
        <source>Account &amp;data (Excel, CSV, GraphML, GEXF, JSON)…</source>
        <translation>客户数据(&amp;D)（Excel、CSV、GraphML、GEXF、JSON）…</translation>
    </message>
    <message>
        <source>Decision map as &amp;PDF…</source>
        <translation>决策关系图 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Map as P&amp;NG picture…</source>
        <translation>关系图 PNG 图片(&amp;N)…</translation>
    </message>
    <message>
        <source>Map as &amp;SVG drawing…</source>
        <translation>关系图 SVG 矢量图(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Meeting pack…</source>
        <translation>会前资料包(&amp;M)…</translation>
    </message>
    <message>
        <source>A PDF to read before a meeting: the attendees, the map around them, their needs and history, open actions and routes to the decision-makers</source>
        <translation>会前阅读的 PDF：与会者、他们周围的关系图、需求与往来记录、未完成行动以及通往决策者的路径</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>Write a verified copy of the database to the backups folder</source>
        <translation>将经过校验的数据库副本写入备份文件夹</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Put a backup in place of this database; the current file is kept aside</source>
        <translation>用备份替换此数据库；当前文件会另行保留</translation>
    </message>
    <message>
        <source>Second backup &amp;folder…</source>
        <translation>第二备份文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>Also write every backup to another disk or a share</source>
        <translation>每次备份时也写入另一块磁盘或共享文件夹</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find account</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>Portfolio &amp;dashboard</source>
        <translation>客户组合仪表板(&amp;D)</translation>
    </message>
    <message>
        <source>Coverage and risk across all key accounts</source>
        <translation>全部大客户的覆盖与风险</translation>
    </message>
    <message>
        <source>Our &amp;team</source>
        <translation>我方团队(&amp;T)</translation>
    </message>
    <message>
        <source>Roles, workload and risk of every member of our team</source>
        <translation>我方每位成员的角色、工作量与风险</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Rename account…</source>
        <translation>重命名客户(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete account…</source>
        <translation>删除客户(&amp;D)…</translation>
    </message>
    <message>
        <source>Add &amp;person…</source>
        <translation>添加联系人(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Edit person…</source>
        <translation>编辑联系人(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Archive or restore person</source>
        <translation>归档或恢复联系人(&amp;A)</translation>
    </message>
    <message>
        <source>De&amp;lete person…</source>
        <translation>删除联系人(&amp;L)…</translation>
    </message>
    <message>
        <source>New &amp;team member…</source>
        <translation>新建我方成员(&amp;T)…</translation>
    </message>
    <message>
        <source>Add e&amp;xisting team member…</source>
        <translation>添加已有我方成员(&amp;X)…</translation>
    </message>
    <message>
        <source>Edit team &amp;member…</source>
        <translation>编辑我方成员(&amp;M)…</translation>
    </message>
    <message>
        <source>Remove from this account&apos;s team</source>
        <translation>从本客户团队中移除</translation>
    </message>
    <message>
        <source>Archive or restore team member</source>
        <translation>归档或恢复我方成员</translation>
    </message>
    <message>
        <source>Contact &amp;cadence by role…</source>
        <translation>按角色设置联系频率(&amp;C)…</translation>
    </message>
    <message>
        <source>How often each buying role should hear from us</source>
        <translation>每种采购角色应多久联系一次</translation>
    </message>
    <message>
        <source>Add &amp;link…</source>
        <translation>添加关系(&amp;L)…</translation>
    </message>
    <message>
        <source>Edit link…</source>
        <translation>编辑关系…</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>删除关系</translation>
    </message>
    <message>
        <source>&amp;About Stakemap</source>
        <translation>关于 Stakemap(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>客户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>联系人(&amp;P)</translation>
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
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销 %1(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做 %1(&amp;R)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Export still running</source>
        <translation>仍在导出</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) still being written. Close Stakemap once they are done?</source>
        <translation>
            <numerusform>还有 %n 个文件正在写入。写完后关闭 Stakemap 吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>Person profile</source>
        <translation>联系人画像</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n demo account(s)</source>
        <translation>
            <numerusform>已载入 %n 个示例客户</numerusform>
        </translation>
    </message>
    <message>
        <source>The demo accounts are already here</source>
        <translation>示例客户已存在</translation>
    </message>
    <message>
        <source>Imported into %1</source>
        <translation>已导入到 %1</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Stakemap databases (*.db *.sqlite *.stakemap);;All files (*)</source>
        <translation>Stakemap 数据库 (*.db *.sqlite *.stakemap);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>About Stakemap</source>
        <translation>关于 Stakemap</translation>
    </message>
    <message>
        <source>Stakemap %1
Decision maps of key-account buying committees.</source>
        <translation>Stakemap %1
大客户采购决策链关系图。</translation>
    </message>
    <message>
        <source>&amp;Focus on the map</source>
        <translation>专注于关系图(&amp;F)</translation>
    </message>
    <message>
        <source>Hide the panels so that the map fills the window; press F11 again to bring them back</source>
        <translation>隐藏各面板，让关系图占满窗口；再按 F11 恢复面板</translation>
    </message>
    <message>
        <source>&amp;Reset window layout</source>
        <translation>重置窗口布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels back where they start</source>
        <translation>将各面板恢复到初始位置</translation>
    </message>
    <message>
        <source>Press F11 to bring the panels back</source>
        <translation>按 F11 恢复面板</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <source>Save a salvaged copy…</source>
        <translation>保存抢救副本…</translation>
    </message>
    <message>
        <source>This file is damaged ({detail}) and is open read-only: nothing will be written to it. Restore a backup, or save a salvaged copy of what can still be read.</source>
        <translation>此文件已损坏（{detail}），已以只读方式打开：不会向其写入任何内容。请恢复备份，或将仍可读取的内容保存为抢救副本。</translation>
    </message>
    <message>
        <source>Read-only: {reason}. You can look at everything; changes are not saved.</source>
        <translation>只读：{reason}。可以查看全部内容，但更改不会保存。</translation>
    </message>
    <message>
        <source>“{path}” is damaged and was not opened for editing; it was left as it was.</source>
        <translation>“{path}”已损坏，未打开以供编辑；文件保持原样。</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Stakemap backups (*.bak.db *.db);;All files (*)</source>
        <translation>Stakemap 备份 (*.bak.db *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Second backup folder (another disk or a share)</source>
        <translation>第二备份文件夹（另一块磁盘或共享文件夹）</translation>
    </message>
    <message>
        <source>Backups are also written to {folder}</source>
        <translation>备份也会写入 {folder}</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>What a &amp;card shows</source>
        <translation>卡片说明(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MapController</name>
    <message>
        <source>Add person here…</source>
        <translation>在此添加联系人…</translation>
    </message>
    <message>
        <source>Add team member here…</source>
        <translation>在此添加我方成员…</translation>
    </message>
    <message>
        <source>Link %1 to %2</source>
        <translation>将 %1 关联到 %2</translation>
    </message>
    <message>
        <source>Archive %1 (left the company)? Their history is kept.</source>
        <translation>将 %1 归档（已离职）？其历史记录会保留。</translation>
    </message>
    <message>
        <source>Archive person</source>
        <translation>归档联系人</translation>
    </message>
    <message>
        <source>Add a report of %1</source>
        <translation>为 %1 添加下属</translation>
    </message>
    <message>
        <source>Add %1 reporting to %2</source>
        <translation>添加 %1（向 %2 汇报）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s) from the map</source>
        <translation>
            <numerusform>从关系图中删除 %n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Focus on this person</source>
        <translation>聚焦此人</translation>
    </message>
    <message>
        <source>Add a report…</source>
        <translation>添加下属…</translation>
    </message>
    <message>
        <source>Archive (left the company)…</source>
        <translation>归档（已离职）…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation>关系类型</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <source>Edit link…</source>
        <translation>编辑关系…</translation>
    </message>
    <message>
        <source>Delete link</source>
        <translation>删除关系</translation>
    </message>
    <message>
        <source>Delete %1 from this account?</source>
        <translation>从此客户中删除 %1？</translation>
    </message>
    <message>
        <source>%n link(s)</source>
        <translation>%n 条关系</translation>
    </message>
    <message>
        <source>%n personal need(s)</source>
        <translation>%n 条个人诉求</translation>
    </message>
    <message>
        <source>Deleted with them: %1.</source>
        <translation>将一并删除：%1。</translation>
    </message>
    <message>
        <source>They are taken out of %n interaction(s); the interactions stay in the history.</source>
        <translation>将从 %n 条互动记录中移除此人；互动记录本身保留。</translation>
    </message>
    <message>
        <source>%n next action(s) about them stay, without a person.</source>
        <translation>与其相关的 %n 项下一步行动保留，但不再关联此人。</translation>
    </message>
    <message>
        <source>To keep a person&apos;s history, archive them instead.</source>
        <translation>如需保留此人的历史记录，请改为归档。</translation>
    </message>
    <message>
        <source>Members of our team only leave this account&apos;s team; nothing of theirs is deleted.</source>
        <translation>我方成员只是退出此客户的团队，其任何数据都不会被删除。</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>可通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
</context>
<context>
    <name>MapExport</name>
    <message>
        <source>Decision map</source>
        <translation>决策关系图</translation>
    </message>
    <message>
        <source>%1 — map, part %2 of %3</source>
        <translation>%1 — 关系图，第 %2 部分，共 %3 部分</translation>
    </message>
    <message>
        <source>%1 — stakeholders</source>
        <translation>%1 — 联系人</translation>
    </message>
    <message>
        <source>Decision map · %1</source>
        <translation>决策关系图 · %1</translation>
    </message>
    <message>
        <source>Prepared by %1</source>
        <translation>制作人：%1</translation>
    </message>
    <message>
        <source>Shareable version</source>
        <translation>可分享版本</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>Shareable version — stances, influence, notes, personal wins and rival links removed</source>
        <translation>可分享版本——已去掉态度、影响力、备注、个人诉求和对立关系</translation>
    </message>
    <message>
        <source>part %1</source>
        <translation>第 %1 部分</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Coverage level</source>
        <translation>关系覆盖</translation>
    </message>
</context>
<context>
    <name>MapHealth</name>
    <message>
        <source>Overstated</source>
        <translation>登记偏高</translation>
    </message>
    <message>
        <source>Understated</source>
        <translation>登记偏低</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>从未联系</translation>
    </message>
    <message>
        <source>Overdue %1 d</source>
        <translation>逾期 %1 天</translation>
    </message>
    <message>
        <source>%1 d</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 declares “%2”, but the last 180 days show no interaction together</source>
        <translation>%1登记为“%2”，但近 180 天没有一起的互动</translation>
    </message>
    <message>
        <source>%1 declares “%2”, but the last 180 days show only %n interaction(s) together (the history says “%3”)</source>
        <translation>%1登记为“%2”，但近 180 天只一起互动过 %n 次（互动记录只显示“%3”）</translation>
    </message>
    <message>
        <source>%1 has declared no relationship, but the last 180 days show %n interaction(s) together (the history says “%3”)</source>
        <translation>%1没有登记任何关系，但近 180 天一起互动过 %n 次（互动记录显示“%3”）</translation>
    </message>
    <message>
        <source>%1 declares only “%2”, but the last 180 days show %n interaction(s) together (the history says “%3”)</source>
        <translation>%1只登记为“%2”，但近 180 天一起互动过 %n 次（互动记录显示“%3”）</translation>
    </message>
    <message>
        <source>Contact every %1 days: no contact on record</source>
        <translation>每 %1 天联系一次：尚无联系记录</translation>
    </message>
    <message>
        <source>Contact every %1 days: last contact %2, %3 days overdue</source>
        <translation>每 %1 天联系一次：上次联系是%2，已逾期 %3 天</translation>
    </message>
    <message>
        <source>last touch %1</source>
        <translation>上次接触是%1</translation>
    </message>
    <message>
        <source>never touched</source>
        <translation>从未接触</translation>
    </message>
    <message>
        <source>Counts as %1/5 today (%2)</source>
        <translation>如今只算 %1/5（%2）</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡片</translation>
    </message>
    <message>
        <source>Our team member</source>
        <translation>我方成员</translation>
    </message>
    <message>
        <source>Declared influence (size, dots)</source>
        <translation>影响力（卡片大小、圆点）</translation>
    </message>
    <message>
        <source>(thicker = closer)</source>
        <translation>（越粗越紧密）</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Org chart</source>
        <translation>组织架构</translation>
    </message>
    <message>
        <source>Force-directed</source>
        <translation>力导向</translation>
    </message>
    <message>
        <source>Grouped by buying role</source>
        <translation>按角色分组</translation>
    </message>
    <message>
        <source>Grouped by department</source>
        <translation>按部门分组</translation>
    </message>
    <message>
        <source>Find a person (Ctrl+F)</source>
        <translation>查找联系人（Ctrl+F）</translation>
    </message>
    <message>
        <source>Dim beyond</source>
        <translation>淡化超出</translation>
    </message>
    <message>
        <source>Dim everyone more than N links away from the selected person</source>
        <translation>淡化与所选联系人相距超过 N 层关系的所有人</translation>
    </message>
    <message>
        <source> links</source>
        <translation> 层关系</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the auto-layout</source>
        <translation>停止自动布局</translation>
    </message>
    <message>
        <source>This account has nobody on its map yet. Double-click the map or use “Add person” to start.</source>
        <translation>此客户的关系图上还没有人。双击关系图或使用“添加联系人”开始。</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Add team member</source>
        <translation>添加我方成员</translation>
    </message>
    <message>
        <source>Decision-makers and influencers only</source>
        <translation>只显示决策者和影响者</translation>
    </message>
    <message>
        <source>Hide our team</source>
        <translation>隐藏我方团队</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Mini-map</source>
        <translation>缩略图</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Show the whole map (F)</source>
        <translation>显示整张关系图（F）</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>实际大小</translation>
    </message>
    <message>
        <source>Find person</source>
        <translation>查找联系人</translation>
    </message>
    <message>
        <source>Auto-layout</source>
        <translation>自动布局</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Our team</source>
        <translation>我方团队</translation>
    </message>
    <message>
        <source>No department</source>
        <translation>无部门</translation>
    </message>
    <message>
        <source>The layout could not be computed.</source>
        <translation>无法完成自动布局。</translation>
    </message>
</context>
<context>
    <name>MapRoles</name>
    <message>
        <source>Econ. buyer</source>
        <translation>经济决策</translation>
    </message>
    <message>
        <source>Decides</source>
        <translation>决策者</translation>
    </message>
    <message>
        <source>Tech. buyer</source>
        <translation>技术把关</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Influencer</source>
        <translation>影响者</translation>
    </message>
    <message>
        <source>Coach</source>
        <translation>内线</translation>
    </message>
    <message>
        <source>Gatekeeper</source>
        <translation>守门人</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批者</translation>
    </message>
    <message>
        <source>Procurement</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Our team</source>
        <translation>我方</translation>
    </message>
</context>
<context>
    <name>MeetingPack</name>
    <message>
        <source>prepared %1 by %2</source>
        <translation>%2 编制于 %1</translation>
    </message>
    <message>
        <source>prepared %1</source>
        <translation>%1 编制</translation>
    </message>
    <message>
        <source>Meeting pack — %1</source>
        <translation>会前资料包 — %1</translation>
    </message>
    <message>
        <source>Meeting on %1</source>
        <translation>会议日期：%1</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>与会者</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>沟通要点</translation>
    </message>
    <message>
        <source>No attendees chosen.</source>
        <translation>未选择与会者。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Our relationship</source>
        <translation>我方关系</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近接触</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Our relationships: the claims and the history</source>
        <translation>我方关系：声明与记录</translation>
    </message>
    <message>
        <source>Open needs</source>
        <translation>待解决的需求</translation>
    </message>
    <message>
        <source>Champions at risk</source>
        <translation>内线风险</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 declares “%2” but has never met them — book a meeting first</source>
        <translation>%1声明“%2”，但从未见过面 — 先约一次</translation>
    </message>
    <message>
        <source>%1 declares “%2” but has not met them for %3 — book a meeting first</source>
        <translation>%1声明“%2”，但近%3没有见面 — 先约一次</translation>
    </message>
    <message>
        <source>%1 declares “%2” but the last 180 days show only “%4” — spend time together before relying on it</source>
        <translation>%1声明“%2”，但近180天的记录只显示“%4” — 先多接触，再倚重这层关系</translation>
    </message>
    <message>
        <source>the last 180 days with %1 show “%4”, yet no relationship is declared — bring %1 in</source>
        <translation>近180天与%1的往来显示为“%4”，却未声明任何关系 — 请%1参与</translation>
    </message>
    <message>
        <source>the last 180 days with %1 show “%4”, declared only “%2” — bring %1 in</source>
        <translation>近180天与%1的往来显示为“%4”，却只声明为“%2” — 请%1参与</translation>
    </message>
    <message>
        <source>%1&apos;s “%2” has faded to “%5” (last met %6) — book a meeting</source>
        <translation>%1的“%2”已淡化为“%5”（上次见面%6）— 约见一次</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>No coach or advocate is at risk.</source>
        <translation>没有内线或拥护者处于风险中。</translation>
    </message>
    <message>
        <source>left the account</source>
        <translation>已离开客户</translation>
    </message>
    <message>
        <source>stance fell since the last snapshot</source>
        <translation>态度比上次快照时下降</translation>
    </message>
    <message>
        <source>the relationship has gone stale — book a meeting</source>
        <translation>关系已冷却 — 约见一次</translation>
    </message>
    <message>
        <source>our only strong relationship (%1) has gone stale — widen it</source>
        <translation>我们唯一的深度关系（%1）已冷却 — 尽快拓展</translation>
    </message>
    <message>
        <source>nobody on our side</source>
        <translation>我方无人认识</translation>
    </message>
    <message>
        <source>No open needs recorded for the account or the attendees.</source>
        <translation>客户及与会者没有记录中的未解决需求。</translation>
    </message>
    <message>
        <source>Our answer:</source>
        <translation>我方方案：</translation>
    </message>
    <message>
        <source>the account</source>
        <translation>客户整体</translation>
    </message>
    <message>
        <source>The attendees in detail</source>
        <translation>与会者详情</translation>
    </message>
    <message>
        <source>Open and overdue actions</source>
        <translation>未完成与逾期的行动</translation>
    </message>
    <message>
        <source>Coverage and routes to the decision-makers</source>
        <translation>覆盖情况与通往决策者的路径</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Known by</source>
        <translation>我方联系人</translation>
    </message>
    <message>
        <source>Leans towards</source>
        <translation>倾向于</translation>
    </message>
    <message>
        <source>Business needs</source>
        <translation>业务需求</translation>
    </message>
    <message>
        <source>Personal wins</source>
        <translation>个人诉求</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Last interactions</source>
        <translation>最近往来</translation>
    </message>
    <message>
        <source>No contact recorded.</source>
        <translation>没有接触记录。</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>无记录</translation>
    </message>
    <message>
        <source>No open actions.</source>
        <translation>没有未完成的行动。</translation>
    </message>
    <message>
        <source>Next action</source>
        <translation>下一步行动</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>相关人员</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>无日期</translation>
    </message>
    <message>
        <source>Coverage score: %1%</source>
        <translation>覆盖率：%1%</translation>
    </message>
    <message>
        <source>share of the committee, weighted by influence, that we know at least as a working relationship</source>
        <translation>按影响力加权，我方至少达到工作关系的采购委员会成员占比</translation>
    </message>
    <message>
        <source>Effective coverage score: %1%</source>
        <translation>有效覆盖率：%1%</translation>
    </message>
    <message>
        <source>the same, with each relationship faded by the time since we last met</source>
        <translation>同一口径，每段关系按上次见面以来的时间折减</translation>
    </message>
    <message>
        <source>Single-threaded: every strong relationship runs through one person on our side.</source>
        <translation>单线联系：所有牢固关系都集中在我方一个人身上。</translation>
    </message>
    <message>
        <source>no relationship</source>
        <translation>无关系</translation>
    </message>
    <message>
        <source>Gaps: key people we do not know well enough</source>
        <translation>覆盖缺口：我方了解不够的关键人物</translation>
    </message>
    <message>
        <source>No coverage gaps among the key people.</source>
        <translation>关键人物中没有覆盖缺口。</translation>
    </message>
    <message>
        <source>Routes to the decision-makers (strength of each link, 1–5)</source>
        <translation>通往决策者的路径（每段关系强度 1–5）</translation>
    </message>
    <message>
        <source>Nobody on our side can reach %1 yet.</source>
        <translation>我方目前还无人能接触到 %1。</translation>
    </message>
    <message>
        <source>%1 — the attendees (ringed) and the people linked to them</source>
        <translation>%1 — 与会者（加圈）及与其相连的人</translation>
    </message>
</context>
<context>
    <name>MeetingPackDialog</name>
    <message>
        <source>Meeting pack for %1</source>
        <translation>%1 的会前资料包</translation>
    </message>
    <message>
        <source>Find a person…</source>
        <translation>查找人员…</translation>
    </message>
    <message>
        <source>Shareable: leave out stances, influence, notes, personal wins and rival links</source>
        <translation>可分享版本：不含态度、影响力、备注、个人诉求和对立关系</translation>
    </message>
    <message>
        <source>Write PDF…</source>
        <translation>生成 PDF…</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>与会者</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message numerus="yes">
        <source>%n attendee(s) chosen</source>
        <translation>
            <numerusform>已选择 %n 位与会者</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Edit team member</source>
        <translation>编辑我方成员</translation>
    </message>
    <message>
        <source>Add team member</source>
        <translation>添加我方成员</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>职位(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Role on our team</source>
        <translation>我方角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
</context>
<context>
    <name>MemberRolesDialog</name>
    <message>
        <source>Roles of %1 on this account</source>
        <translation>%1 在本客户的角色</translation>
    </message>
    <message>
        <source>Their role on our team: they fill it on every account they work on</source>
        <translation>其在我方团队中的角色：在其参与的每个客户都承担</translation>
    </message>
</context>
<context>
    <name>MonthlyContactsChart</name>
    <message>
        <source>Contacts</source>
        <translation>接触次数</translation>
    </message>
    <message>
        <source>Contacts per month across all key accounts</source>
        <translation>全部大客户每月接触次数</translation>
    </message>
</context>
<context>
    <name>NeedDialog</name>
    <message>
        <source>Edit need</source>
        <translation>编辑需求</translation>
    </message>
    <message>
        <source>Add need</source>
        <translation>添加需求</translation>
    </message>
    <message>
        <source>The account as a whole</source>
        <translation>客户整体</translation>
    </message>
    <message>
        <source>How our offer answers this need</source>
        <translation>我方方案如何满足这一需求</translation>
    </message>
    <message>
        <source>&amp;Whose need</source>
        <translation>需求方(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Need</source>
        <translation>需求(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>优先级(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>Our &amp;answer</source>
        <translation>价值主张(&amp;A)</translation>
    </message>
    <message>
        <source>Please describe the need.</source>
        <translation>请描述该需求。</translation>
    </message>
</context>
<context>
    <name>Needs</name>
    <message>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>需求</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Our answer</source>
        <translation>价值主张</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>NeedsPanel</name>
    <message>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>of {name}</source>
        <translation>仅看 {name}</translation>
    </message>
    <message>
        <source>Delete need</source>
        <translation>删除需求</translation>
    </message>
    <message>
        <source>Delete the need “{text}”?</source>
        <translation>删除需求“{text}”？</translation>
    </message>
</context>
<context>
    <name>NumberField</name>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Not saved: a whole number, please.</source>
        <translation>未保存：请输入整数。</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: at most %n decimal place(s).</source>
        <translation>
            <numerusform>未保存：最多 %n 位小数。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not saved: at least %1.</source>
        <translation>未保存：不能小于 %1。</translation>
    </message>
    <message>
        <source>Not saved: at most %1.</source>
        <translation>未保存：不能大于 %1。</translation>
    </message>
    <message>
        <source>Not saved: “%1” is not a number.</source>
        <translation>未保存：“%1”不是数字。</translation>
    </message>
</context>
<context>
    <name>Opportunities</name>
    <message>
        <source>Weighted pipeline: none</source>
        <translation>加权金额：无</translation>
    </message>
    <message>
        <source>Weighted pipeline: {amounts}</source>
        <translation>加权金额：{amounts}</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>商机</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>赢率</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>预计成交</translation>
    </message>
    <message>
        <source>Competitors</source>
        <translation>竞争对手</translation>
    </message>
</context>
<context>
    <name>OpportunitiesPanel</name>
    <message>
        <source>Sum of value × probability of the open and won opportunities</source>
        <translation>进行中和已赢单商机的“金额 × 赢率”之和</translation>
    </message>
    <message>
        <source>Show who decides on the map</source>
        <translation>在关系图上显示参与决策的人</translation>
    </message>
    <message>
        <source>Ring the cards of the people who take part in the selected opportunity&apos;s decision</source>
        <translation>在关系图上圈出参与所选商机决策的人</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>删除商机</translation>
    </message>
    <message>
        <source>Delete the opportunity “{name}”?</source>
        <translation>删除商机“{name}”？</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Edit opportunity</source>
        <translation>编辑商机</translation>
    </message>
    <message>
        <source>Add opportunity</source>
        <translation>添加商机</translation>
    </message>
    <message>
        <source>Who else the customer is considering</source>
        <translation>客户还在考虑的其他厂商</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Stage of the decision</source>
        <translation>决策阶段(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Value</source>
        <translation>金额(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Probability</source>
        <translation>赢率(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Expected close</source>
        <translation>预计成交(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Competitors</source>
        <translation>竞争对手(&amp;C)</translation>
    </message>
    <message>
        <source>Who takes part in the &amp;decision</source>
        <translation>参与决策的人(&amp;D)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>OverdueContactsPanel</name>
    <message>
        <source>Contact overdue (%1)</source>
        <translation>联系逾期（%1）</translation>
    </message>
    <message>
        <source>Everyone with a contact cadence has heard from us in time.</source>
        <translation>设有联系频率的人都已按时联系。</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>……另有%1人</translation>
    </message>
    <message>
        <source>every %1 days, no contact on record</source>
        <translation>每%1天联系一次，尚无联系记录</translation>
    </message>
    <message>
        <source>every %1 days, last contact %2</source>
        <translation>每%1天联系一次，上次联系%2</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>已安排</translation>
    </message>
    <message>
        <source>Plan contact</source>
        <translation>安排联系</translation>
    </message>
    <message>
        <source>Add a next action to meet this person within a week</source>
        <translation>添加一条下一步行动：一周内约见此人</translation>
    </message>
    <message>
        <source>Meet %1 before %2</source>
        <translation>约见%1（%2前）</translation>
    </message>
</context>
<context>
    <name>People</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Influence</source>
        <translation>影响力</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation>（已归档）</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>编辑联系人</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>添加联系人</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Which competitor this person leans towards</source>
        <translation>此人倾向的竞争对手</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>As the buying role</source>
        <translation>按角色默认</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>职位(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>Buying &amp;role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stance</source>
        <translation>态度(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Influence</source>
        <translation>影响力(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Competitor preference</source>
        <translation>倾向的竞争对手(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Contact e&amp;very</source>
        <translation>联系频率(&amp;V)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
</context>
<context>
    <name>PersonProfilePanel</name>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>As the buying role</source>
        <translation>按角色默认</translation>
    </message>
    <message>
        <source>How often we should be in touch; past it the contact shows as overdue</source>
        <translation>我们应多久联系一次；超过后显示为联系逾期</translation>
    </message>
    <message>
        <source>Record survey answer…</source>
        <translation>记录满意度调查…</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>职位(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>部门(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Competitor preference</source>
        <translation>倾向的竞争对手(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation>邮箱(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <source>Buying &amp;role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stance</source>
        <translation>态度(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Influence</source>
        <translation>影响力(&amp;I)</translation>
    </message>
    <message>
        <source>Contact e&amp;very</source>
        <translation>联系频率(&amp;V)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>No survey answer yet</source>
        <translation>尚无满意度调查</translation>
    </message>
    <message>
        <source>Recommends us %1/10 (%2), %3 since the answer before</source>
        <translation>推荐意愿 %1/10（%2），较上次 %3</translation>
    </message>
    <message>
        <source>Recommends us %1/10 (%2)</source>
        <translation>推荐意愿 %1/10（%2）</translation>
    </message>
</context>
<context>
    <name>PowerGrid</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Influence score</source>
        <translation>影响力得分</translation>
    </message>
    <message>
        <source>Colour: our strongest relationship (orange: none) — %1</source>
        <translation>颜色：我方最强的关系（橙色：无）— %1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>Qualification</name>
    <message>
        <source>Criterion</source>
        <translation>评估项</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Rating (0–5)</source>
        <translation>评分（0–5）</translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RoleCadenceDialog</name>
    <message>
        <source>Contact cadence by role</source>
        <translation>按角色设置联系频率</translation>
    </message>
    <message>
        <source>How often each buying role should hear from us. A person&apos;s own cadence (in their profile) comes first; past it, the contact shows as overdue beside the next actions.</source>
        <translation>每种采购角色应多久联系一次。个人资料中设置的频率优先；超过频率未联系，会在下一步行动旁显示为逾期。</translation>
    </message>
    <message>
        <source>Buying role</source>
        <translation>采购角色</translation>
    </message>
    <message>
        <source>Contact every</source>
        <translation>联系频率</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置默认</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>No cadence</source>
        <translation>不设频率</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Use built-in</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Go back to the cadence Stakemap suggests for this role</source>
        <translation>恢复 Stakemap 为此角色建议的频率</translation>
    </message>
</context>
<context>
    <name>Satisfaction</name>
    <message>
        <source>NPS: no survey answers yet</source>
        <translation>净推荐值（NPS）：尚无满意度调查</translation>
    </message>
    <message>
        <source>NPS %1 · by influence %2 · %3 answered</source>
        <translation>净推荐值 %1 · 按影响力加权 %2 · %3 人作答</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Recommend (0–10)</source>
        <translation>推荐意愿（0–10）</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>满意度（1–5）</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>SatisfactionChart</name>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>NPS</source>
        <translation>净推荐值</translation>
    </message>
    <message>
        <source>Weighted by influence</source>
        <translation>按影响力加权</translation>
    </message>
    <message>
        <source>%1 (recommend 0–10)</source>
        <translation>%1（推荐意愿 0–10）</translation>
    </message>
</context>
<context>
    <name>SatisfactionPanel</name>
    <message>
        <source>Record answer…</source>
        <translation>记录调查结果…</translation>
    </message>
    <message>
        <source>Net promoter score over each person&apos;s latest answer: % promoters (9–10) − % detractors (0–6); the weighted one counts each person by influence</source>
        <translation>按每人最近一次回答计算的净推荐值：推荐者（9–10）占比 − 贬损者（0–6）占比；加权值按每人的影响力计权</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Survey answers from a CSV or Excel file with the columns person (or e-mail), date, recommend, satisfaction and comment</source>
        <translation>从 CSV 或 Excel 文件导入满意度调查结果，列为：联系人（或邮箱）、日期、推荐意愿、满意度、意见</translation>
    </message>
    <message>
        <source>Reading %p%</source>
        <translation>读取中 %p%</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部联系人</translation>
    </message>
    <message>
        <source>Import survey answers</source>
        <translation>导入满意度调查结果</translation>
    </message>
    <message>
        <source>Survey answers (*.csv *.xlsx);;All files (*)</source>
        <translation>满意度调查结果 (*.csv *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The file could not be read; nothing was imported.</source>
        <translation>无法读取该文件，未导入任何内容。</translation>
    </message>
    <message>
        <source>The file cannot be read: %2</source>
        <translation>无法读取该文件：%2</translation>
    </message>
    <message>
        <source>The file needs the columns person (or e-mail), date and recommend.</source>
        <translation>文件须包含以下列：联系人（或邮箱）、日期、推荐意愿。</translation>
    </message>
    <message>
        <source>The file holds no survey answers.</source>
        <translation>文件中没有满意度调查结果。</translation>
    </message>
    <message>
        <source>Line %1: nobody named “%2” in this account; nothing was imported.</source>
        <translation>第 %1 行：本客户中没有名为“%2”的联系人；未导入任何内容。</translation>
    </message>
    <message>
        <source>Line %1: several people in this account are named “%2”; give their e-mail instead. Nothing was imported.</source>
        <translation>第 %1 行：本客户中有多位联系人名为“%2”，请改填其邮箱。未导入任何内容。</translation>
    </message>
    <message>
        <source>Line %1: “%2” is not a date (YYYY-MM-DD); nothing was imported.</source>
        <translation>第 %1 行：“%2”不是日期（YYYY-MM-DD）；未导入任何内容。</translation>
    </message>
    <message>
        <source>Line %1: the recommend score “%2” is not a whole number from 0 to 10; nothing was imported.</source>
        <translation>第 %1 行：推荐意愿“%2”不是 0 到 10 之间的整数；未导入任何内容。</translation>
    </message>
    <message>
        <source>Line %1: the satisfaction “%2” is not a whole number from 1 to 5; nothing was imported.</source>
        <translation>第 %1 行：满意度“%2”不是 1 到 5 之间的整数；未导入任何内容。</translation>
    </message>
    <message>
        <source>Delete the survey answer of %1 from %2?
You can undo this with Edit ▸ Undo.</source>
        <translation>删除 %1 于 %2 的满意度调查结果？
可通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <source>Delete survey answer</source>
        <translation>删除满意度调查结果</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
</context>
<context>
    <name>Snapshots</name>
    <message>
        <source>Joined</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Archived (left the company)</source>
        <translation>归档（已离职）</translation>
    </message>
    <message>
        <source>Moved towards us</source>
        <translation>态度转向我方</translation>
    </message>
    <message>
        <source>Moved away from us</source>
        <translation>态度远离我方</translation>
    </message>
    <message>
        <source>Stance now known</source>
        <translation>态度已明确</translation>
    </message>
    <message>
        <source>Role changes</source>
        <translation>角色变化</translation>
    </message>
    <message>
        <source>Influence changes</source>
        <translation>影响力变化</translation>
    </message>
    <message>
        <source>Links added</source>
        <translation>新增关系</translation>
    </message>
    <message>
        <source>Links removed</source>
        <translation>移除的关系</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>拍摄时间</translation>
    </message>
</context>
<context>
    <name>SnapshotsPanel</name>
    <message>
        <source>Take snapshot…</source>
        <translation>拍摄快照…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Mark changes on the map</source>
        <translation>在地图上标出变化</translation>
    </message>
    <message>
        <source>with</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Take a snapshot to compare the map with it later.</source>
        <translation>拍摄一个快照，以后可将地图与它比较。</translation>
    </message>
    <message>
        <source>No changes</source>
        <translation>没有变化</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>拍摄快照</translation>
    </message>
    <message>
        <source>Name of the snapshot, e.g. “before QBR”:</source>
        <translation>快照名称，例如“QBR 之前”：</translation>
    </message>
    <message>
        <source>Delete snapshot</source>
        <translation>删除快照</translation>
    </message>
    <message>
        <source>Delete the snapshot “%1”?
You can undo this with Edit ▸ Undo.</source>
        <translation>删除快照“%1”？
可通过 编辑 ▸ 撤销 恢复。</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <source>Empty file</source>
        <translation>空文件</translation>
    </message>
    <message>
        <source>Create a new, empty Stakemap database in this file?</source>
        <translation>在此文件中新建一个空的 Stakemap 数据库？</translation>
    </message>
    <message>
        <source>Database upgraded</source>
        <translation>数据库已升级</translation>
    </message>
    <message>
        <source>Opening {path}…</source>
        <translation>正在打开 {path}…</translation>
    </message>
    <message>
        <source>The database was upgraded to this version of Stakemap. A copy of the previous file was kept at:
{path}</source>
        <translation>数据库已升级到当前版本的 Stakemap。原文件的副本保存在：
{path}</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>The database could not be opened: {detail}</source>
        <translation>无法打开数据库：{detail}</translation>
    </message>
    <message>
        <source>Database closed</source>
        <translation>数据库已关闭</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>“{path}” already exists; choose a new file name.</source>
        <translation>“{path}”已存在，请选择新的文件名。</translation>
    </message>
    <message>
        <source>The backup could not be written: {detail}</source>
        <translation>无法写入备份：{detail}</translation>
    </message>
    <message>
        <source>Last backup failed: {reason}</source>
        <translation>上次备份失败：{reason}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>备份失败</translation>
    </message>
    <message>
        <source>Backup written to {path}</source>
        <translation>备份已写入 {path}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Put the backup “{backup}” in place of “{path}”? The current file is kept aside under a dated name, with its “-wal” file.</source>
        <translation>用备份“{backup}”替换“{path}”吗？当前文件会连同其“-wal”文件以带日期的名称另行保留。</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>The current file was left as it was.</source>
        <translation>当前文件保持原样。</translation>
    </message>
    <message>
        <source>“{path}” was restored from “{backup}”.</source>
        <translation>已从“{backup}”恢复“{path}”。</translation>
    </message>
    <message>
        <source>The previous file was kept at:
{aside}</source>
        <translation>原来的文件保存在：
{aside}</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>Salvage failed</source>
        <translation>抢救失败</translation>
    </message>
    <message>
        <source>Salvaged copy written</source>
        <translation>已写入抢救副本</translation>
    </message>
    <message>
        <source>What could be read from “{path}” was copied to “{copy}”; the damaged file was not changed. Open the copy now?</source>
        <translation>已将“{path}”中仍可读取的内容复制到“{copy}”；损坏的文件没有改动。现在打开该副本吗？</translation>
    </message>
    <message>
        <source>the file is write-protected</source>
        <translation>文件有写保护</translation>
    </message>
    <message>
        <source>its folder is write-protected</source>
        <translation>所在文件夹有写保护</translation>
    </message>
    <message>
        <source>the disk holding it is read-only</source>
        <translation>所在磁盘为只读</translation>
    </message>
    <message>
        <source>the file has more than one hard link (more than one name), and two names would let two programs write it at once</source>
        <translation>该文件有多个硬链接（多个名称），两个名称会让两个程序同时写入它</translation>
    </message>
    <message>
        <source>it was opened to look at</source>
        <translation>以只读方式打开查看</translation>
    </message>
    <message>
        <source>the file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>“{path}” is a blank SQLite file without any data, not a Stakemap database.</source>
        <translation>“{path}”是一个没有任何数据的空白 SQLite 文件，不是 Stakemap 数据库。</translation>
    </message>
    <message>
        <source>“{path}” is an empty file (0 bytes), not a Stakemap database.</source>
        <translation>“{path}”是一个空文件（0 字节），不是 Stakemap 数据库。</translation>
    </message>
    <message>
        <source>“{path}” is an SQLite database of another application, not a Stakemap database. It was left as it was.</source>
        <translation>“{path}”是另一个应用程序的 SQLite 数据库，不是 Stakemap 数据库。文件保持原样。</translation>
    </message>
    <message>
        <source>“{path}” is not a Stakemap database. It was left as it was.</source>
        <translation>“{path}”不是 Stakemap 数据库，文件保持原样未作改动。</translation>
    </message>
    <message>
        <source>“{path}” is damaged ({detail}). It was left as it was; restore it from a backup.</source>
        <translation>“{path}”已损坏（{detail}），文件保持原样未作改动；请从备份恢复。</translation>
    </message>
    <message>
        <source>“{path}” was written by a newer version of Stakemap. Update Stakemap to open it; the file was left as it was.</source>
        <translation>“{path}”由更新版本的 Stakemap 写入。请升级 Stakemap 后再打开；文件保持原样未作改动。</translation>
    </message>
    <message>
        <source>“{path}” is already open in another Stakemap window. Close it there first.</source>
        <translation>“{path}”已在另一个 Stakemap 窗口中打开，请先在那里关闭。</translation>
    </message>
    <message>
        <source>“{path}” could not be upgraded ({detail}). It was left as it was.</source>
        <translation>“{path}”无法升级（{detail}），文件保持原样未作改动。</translation>
    </message>
    <message>
        <source>The disk holding “{folder}” is full; nothing was lost; free space and try again.</source>
        <translation>存放“{folder}”的磁盘已满；没有丢失任何数据；请释放空间后重试。</translation>
    </message>
    <message>
        <source>“{path}” is open read-only ({reason}); the change was not saved.</source>
        <translation>“{path}”以只读方式打开（{reason}）；此更改未保存。</translation>
    </message>
    <message>
        <source>“{path}” is busy: another program kept it locked. Nothing was changed; try again.</source>
        <translation>“{path}”正忙：另一个程序锁定了它。没有做任何更改；请重试。</translation>
    </message>
    <message>
        <source>“{path}” could not be written ({detail}). Nothing was lost; the last saved change is kept.</source>
        <translation>无法写入“{path}”（{detail}）。没有丢失任何数据；最后一次保存的更改仍在。</translation>
    </message>
    <message>
        <source>“{path}” has a “-wal” file beside it that belongs to another copy of the file (it was probably copied over the file). It was not applied and both were left as they were; restore the file with File ▸ Restore from backup… or move the “-wal” file away.</source>
        <translation>“{path}”旁边的“-wal”文件属于该文件的另一个副本（该文件可能是被复制覆盖的）。它没有被应用，两者都保持原样；请用“文件 ▸ 从备份恢复…”恢复该文件，或将“-wal”文件移走。</translation>
    </message>
    <message>
        <source>“{path}” cannot be opened: {detail}</source>
        <translation>无法打开“{path}”：{detail}</translation>
    </message>
</context>
<context>
    <name>SurveyAnswerDialog</name>
    <message>
        <source>Survey answer of %1</source>
        <translation>%1的满意度调查</translation>
    </message>
    <message>
        <source>Record survey answer</source>
        <translation>记录满意度调查</translation>
    </message>
    <message>
        <source>How likely to recommend us to a colleague, 0 (not at all) to 10 (extremely): 9–10 promoters, 0–6 detractors</source>
        <translation>向同行推荐我们的可能性，0（完全不会）到 10（非常愿意）：9–10 为推荐者，0–6 为贬损者</translation>
    </message>
    <message>
        <source>Not asked</source>
        <translation>未调查</translation>
    </message>
    <message>
        <source>1 · Very dissatisfied</source>
        <translation>1 · 非常不满意</translation>
    </message>
    <message>
        <source>2 · Dissatisfied</source>
        <translation>2 · 不满意</translation>
    </message>
    <message>
        <source>3 · Neutral</source>
        <translation>3 · 一般</translation>
    </message>
    <message>
        <source>4 · Satisfied</source>
        <translation>4 · 满意</translation>
    </message>
    <message>
        <source>5 · Very satisfied</source>
        <translation>5 · 非常满意</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>联系人(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Recommend (0–10)</source>
        <translation>推荐意愿（0–10）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Satisfaction (1–5)</source>
        <translation>满意度（1–5）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Comment</source>
        <translation>意见(&amp;C)</translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <source>This file is not joined to a team server.</source>
        <translation>此文件尚未加入团队服务器。</translation>
    </message>
    <message>
        <source>The team server at this address is not the one this file was joined to: nothing was synced, and your edits wait in this file.</source>
        <translation>此地址上的团队服务器不是此文件加入的那一台：未同步任何内容，你的修改仍保存在此文件中。</translation>
    </message>
    <message>
        <source>The team server refused the user name or password.</source>
        <translation>团队服务器拒绝了该用户名或密码。</translation>
    </message>
    <message>
        <source>No password is saved for this login: join again with your password.</source>
        <translation>此登录名没有保存的密码：请用你的密码重新加入。</translation>
    </message>
    <message>
        <source>The team server does not offer the encrypted connection the URL asks for: nothing was sent.</source>
        <translation>团队服务器不提供该地址要求的加密连接：未发送任何内容。</translation>
    </message>
    <message>
        <source>The team server&apos;s certificate cannot be trusted: nothing was sent.</source>
        <translation>团队服务器的证书无法被信任：未发送任何内容。</translation>
    </message>
    <message>
        <source>This login is no longer a member of the team server: ask an administrator. Your edits wait in this file.</source>
        <translation>此登录名已不再是团队服务器的成员：请联系管理员。你的修改仍保存在此文件中。</translation>
    </message>
    <message>
        <source>The team server was busy with other teammates&apos; changes; no edit was lost, and the next sync carries on.</source>
        <translation>团队服务器正忙于处理其他同事的修改；没有丢失任何修改，下一次同步会继续进行。</translation>
    </message>
    <message>
        <source>The team server refused a new row: nothing was lost, and your edits wait in this file.</source>
        <translation>团队服务器拒绝了一行新数据：没有丢失任何内容，你的编辑保留在此文件中等待同步。</translation>
    </message>
    <message>
        <source>The team server does not let this login in at the moment.</source>
        <translation>团队服务器目前不允许该用户登录。</translation>
    </message>
    <message>
        <source>The team server does not know that user or database.</source>
        <translation>团队服务器上没有该用户或数据库。</translation>
    </message>
    <message>
        <source>The team server already has an account named “{name}”: rename this one to share it.</source>
        <translation>团队服务器上已有名为“{name}”的客户：请将此客户改名后再共享。</translation>
    </message>
    <message>
        <source>Account “{name}”: this login may not add accounts on the team server.</source>
        <translation>客户“{name}”：此登录不能在团队服务器上添加客户。</translation>
    </message>
    <message>
        <source>{table} “{label}”: read-only on the team server.</source>
        <translation>{table}“{label}”：在团队服务器上为只读。</translation>
    </message>
    <message>
        <source>{table} “{label}”: this login may not change it on the team server.</source>
        <translation>{table}“{label}”：此登录不能在团队服务器上更改它。</translation>
    </message>
    <message>
        <source>{table} “{label}” from the team server was not taken into this file: {detail}</source>
        <translation>来自团队服务器的{table}“{label}”未能写入此文件：{detail}</translation>
    </message>
    <message>
        <source>The team server cannot be reached.</source>
        <translation>无法连接团队服务器。</translation>
    </message>
    <message>
        <source>The connection to the team server broke off; no edit was lost, and the next sync carries on.</source>
        <translation>与团队服务器的连接中断了；没有丢失任何修改，下次同步会继续。</translation>
    </message>
    <message>
        <source>The team server already has an account of the same name: nothing was uploaded. Rename yours (or the server&apos;s) and join again.</source>
        <translation>团队服务器上已有同名客户：没有上传任何内容。请为您的（或服务器上的）客户改名后再加入。</translation>
    </message>
    <message>
        <source>That database is not a Stakemap team server.</source>
        <translation>该数据库不是 Stakemap 团队服务器。</translation>
    </message>
    <message>
        <source>The team server is newer than this Stakemap: update Stakemap. You can go on working offline.</source>
        <translation>团队服务器的版本比本 Stakemap 新：请更新 Stakemap。您可以继续离线工作。</translation>
    </message>
    <message>
        <source>The team server needs an upgrade by an administrator. You can go on working offline.</source>
        <translation>团队服务器需要由管理员升级。您可以继续离线工作。</translation>
    </message>
    <message>
        <source>This file is joined to another team server already.</source>
        <translation>本文件已加入另一个团队服务器。</translation>
    </message>
    <message>
        <source>That is not a PostgreSQL URL.</source>
        <translation>这不是 PostgreSQL 地址。</translation>
    </message>
    <message>
        <source>The URL names no database.</source>
        <translation>该地址没有指明数据库。</translation>
    </message>
    <message>
        <source>The team server refused the sync.</source>
        <translation>团队服务器拒绝了此次同步。</translation>
    </message>
    <message>
        <source>The team server was restored from an older backup (back to version {fork}; this file knew version {known}): {sent} row(s) this file held from after the backup are sent again, and every account is fetched again.</source>
        <translation>团队服务器已从较早的备份恢复（回到了版本 {fork}；此文件已知版本 {known}）：此文件保存的备份之后的 {sent} 行将重新发送，所有客户的数据都将重新获取。</translation>
    </message>
    <message>
        <source>The account “{account}” is no longer shared with you and was removed from this file.</source>
        <translation>客户“{account}”已不再与你共享，已从此文件中移除。</translation>
    </message>
    <message>
        <source>The account “{account}” is no longer shared with you and was removed from this file; its {count} unsynced edit(s) were saved to {path}.</source>
        <translation>客户“{account}”已不再与你共享，已从此文件中移除；其 {count} 项未同步的修改已保存到 {path}。</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>刚刚</translation>
    </message>
    <message>
        <source>%n min ago</source>
        <translation>%n 分钟前</translation>
    </message>
    <message>
        <source>%n h ago</source>
        <translation>%n 小时前</translation>
    </message>
    <message>
        <source>Administrator (users, grants and every account)</source>
        <translation>管理员（管理用户、授权和所有客户）</translation>
    </message>
    <message>
        <source>Manager (reads and edits every account)</source>
        <translation>经理（查看和编辑所有客户）</translation>
    </message>
    <message>
        <source>Member (reads and edits the accounts granted)</source>
        <translation>成员（查看和编辑被授权的客户）</translation>
    </message>
    <message>
        <source>Viewer (reads the accounts granted; edits nothing)</source>
        <translation>查看者（只查看被授权的客户，不能编辑）</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>已同步（%1）</translation>
    </message>
    <message>
        <source>%n edit(s) waiting</source>
        <translation>%n 处修改待同步</translation>
    </message>
    <message>
        <source>%n conflict(s)</source>
        <translation>%n 处冲突</translation>
    </message>
    <message>
        <source>Team server %1 as %2. Click for details.</source>
        <translation>团队服务器 %1，用户 %2。点击查看详情。</translation>
    </message>
    <message>
        <source>Team sync</source>
        <translation>团队同步</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Last synced</source>
        <translation>上次同步</translation>
    </message>
    <message>
        <source>Edits waiting</source>
        <translation>待同步的修改</translation>
    </message>
    <message>
        <source>Open conflicts</source>
        <translation>未解决的冲突</translation>
    </message>
    <message>
        <source>Server version</source>
        <translation>服务器版本号</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>上次错误</translation>
    </message>
    <message>
        <source>Not shared</source>
        <translation>未能共享</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <source>Team server…</source>
        <translation>团队服务器…</translation>
    </message>
    <message>
        <source>Offline: the team server cannot be reached; edits wait in this file</source>
        <translation>离线：无法连接团队服务器；修改先保存在本文件中</translation>
    </message>
    <message>
        <source>(trying again within %n s)</source>
        <translation>（%n 秒内重试）</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
</context>
<context>
    <name>Team</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Role on our team</source>
        <translation>我方角色</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>People covered</source>
        <translation>覆盖的联系人</translation>
    </message>
    <message>
        <source>Strong relationships</source>
        <translation>深度关系</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成行动</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Interactions (90 days)</source>
        <translation>互动（近90天）</translation>
    </message>
    <message>
        <source>Owes others</source>
        <translation>欠他人的交接</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>等待他人</translation>
    </message>
    <message>
        <source>If they left</source>
        <translation>若其离开</translation>
    </message>
    <message>
        <source>Relationships at “trusted” or “advocate” level</source>
        <translation>关系强度为“信任”或“深度信任”的关系</translation>
    </message>
    <message>
        <source>Open actions other members asked them for</source>
        <translation>其他成员请其完成的未完成行动</translation>
    </message>
    <message>
        <source>Open actions they asked other members for</source>
        <translation>其请其他成员完成的未完成行动</translation>
    </message>
    <message>
        <source>Accounts that would be single-threaded, or have no strong relationship left, without them</source>
        <translation>没有其参与时将变为单线联系或不再有牢固关系的客户</translation>
    </message>
    <message>
        <source>%n uncovered</source>
        <translation>%n 个失去覆盖</translation>
    </message>
    <message>
        <source>%n single-threaded</source>
        <translation>%n 个变为单线联系</translation>
    </message>
    <message>
        <source> (left)</source>
        <translation>（已离开）</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Their roles there</source>
        <translation>其在该客户的角色</translation>
    </message>
    <message>
        <source>Roles missing</source>
        <translation>缺少的角色</translation>
    </message>
    <message>
        <source>No strong relationship left</source>
        <translation>不再有牢固关系</translation>
    </message>
    <message>
        <source>Single-threaded</source>
        <translation>单线联系</translation>
    </message>
    <message>
        <source>Hand-off</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>With</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Owes</source>
        <translation>欠交</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Filled by</source>
        <translation>承担者</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>已承担</translation>
    </message>
    <message>
        <source>Beyond the template</source>
        <translation>模板之外</translation>
    </message>
    <message>
        <source>“%1” is not a value this field takes.</source>
        <translation>“%1”不是此字段可用的值。</translation>
    </message>
    <message>
        <source>This field refers to another row: keep theirs or use yours.</source>
        <translation>此字段指向另一条记录：请保留团队的值或使用你的值。</translation>
    </message>
    <message>
        <source>This conflict was settled already.</source>
        <translation>此冲突已经解决。</translation>
    </message>
    <message>
        <source>This row is no longer here.</source>
        <translation>这条记录已不存在。</translation>
    </message>
    <message>
        <source>These two people cannot be merged.</source>
        <translation>这两个人无法合并。</translation>
    </message>
    <message>
        <source>Your role on the team server does not let you change the team&apos;s shared lists (team members, qualification criteria, templates): the change was not saved.</source>
        <translation>你在团队服务器上的角色不允许更改团队共享的列表（团队成员、评估项、模板）：更改未保存。</translation>
    </message>
    <message>
        <source>This account is shared with you for reading only (a read grant on the team server): the change was not saved.</source>
        <translation>团队服务器只以只读方式与你共享此客户（只读授权）：更改未保存。</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>Changed here, not synced yet</source>
        <translation>在本机修改，尚未同步</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation>最后由 %1 修改，%2</translation>
    </message>
    <message>
        <source>Read only: your login is a viewer on the team server, which shares accounts with you for reading only, and the team&apos;s shared lists too. You can look, export and prepare; changes are not saved.</source>
        <translation>只读：你的登录在团队服务器上是查看者，客户和团队共享的列表都只允许你查看。你可以查看、导出和准备会议，但更改不会保存。</translation>
    </message>
    <message>
        <source>Read only: the team server shares this account with you for reading. You can look, export and prepare; changes are not saved.</source>
        <translation>只读：团队服务器只允许你查看此客户。你可以查看、导出和准备会议，但更改不会保存。</translation>
    </message>
    <message>
        <source>Recent changes by teammates</source>
        <translation>队友最近的修改</translation>
    </message>
    <message>
        <source>%1 · %2 — %3: %4</source>
        <translation>%1 · %2 — %3：%4</translation>
    </message>
    <message>
        <source>No changes by teammates in this account yet.</source>
        <translation>此客户暂无队友的修改。</translation>
    </message>
</context>
<context>
    <name>TeamExport</name>
    <message>
        <source>Account</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Roles missing</source>
        <translation>缺少的角色</translation>
    </message>
    <message>
        <source>Team members</source>
        <translation>团队成员数</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>People covered</source>
        <translation>覆盖的联系人</translation>
    </message>
    <message>
        <source>Strong relationships</source>
        <translation>深度关系</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成行动</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Interactions (90 days)</source>
        <translation>互动（近90天）</translation>
    </message>
    <message>
        <source>Owes others</source>
        <translation>欠他人的交接</translation>
    </message>
    <message>
        <source>Waits for</source>
        <translation>等待他人</translation>
    </message>
    <message>
        <source>Accounts left without a strong relationship</source>
        <translation>将不再有牢固关系的客户</translation>
    </message>
    <message>
        <source>Accounts left single-threaded</source>
        <translation>将变为单线联系的客户</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>提出人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>行动</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>%1 members · %2 accounts missing a role of their team · %3 members whose leaving would leave an account single-threaded or uncovered</source>
        <translation>%1 位成员 · %2 个客户缺少团队角色 · %3 位成员离开后会使客户变为单线联系或失去覆盖</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>已逾期</translation>
    </message>
    <message>
        <source>Accounts missing a role of their team</source>
        <translation>缺少团队角色的客户</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>If they left</source>
        <translation>若其离开</translation>
    </message>
    <message>
        <source>Open hand-offs between members</source>
        <translation>成员之间未完成的交接</translation>
    </message>
    <message>
        <source>Our team: roles, workload and risk</source>
        <translation>我方团队：角色、工作量与风险</translation>
    </message>
    <message>
        <source>As of %1</source>
        <translation>截至 %1</translation>
    </message>
    <message>
        <source>Missing roles</source>
        <translation>缺少的角色</translation>
    </message>
    <message>
        <source>Hand-offs</source>
        <translation>交接</translation>
    </message>
</context>
<context>
    <name>TeamRoles</name>
    <message>
        <source>⚠ Our team lacks: %1</source>
        <translation>⚠ 我方团队缺少：%1</translation>
    </message>
</context>
<context>
    <name>TeamRolesPanel</name>
    <message>
        <source>Competency fit — what the account needs against our team&apos;s best (type the level it needs, 1–5)</source>
        <translation>能力匹配——客户的需要与我方团队的最高能力对比（输入所需水平，1–5）</translation>
    </message>
    <message>
        <source>Roles on our side — this account&apos;s tier expects none (set its tier in the profile).</source>
        <translation>我方角色——该客户的级别未要求任何角色（请在客户画像中设置级别）。</translation>
    </message>
    <message>
        <source>Roles on our side — missing: %1</source>
        <translation>我方角色——缺少：%1</translation>
    </message>
    <message>
        <source>Roles on our side — every role its tier expects is filled.</source>
        <translation>我方角色——该级别要求的角色均已有人承担。</translation>
    </message>
</context>
<context>
    <name>TeamServerDialog</name>
    <message>
        <source>Team server</source>
        <translation>团队服务器</translation>
    </message>
    <message>
        <source>Share this file&apos;s accounts with your team through a PostgreSQL team server. You keep working on this file offline; it syncs whenever the server can be reached.</source>
        <translation>通过 PostgreSQL 团队服务器与团队共享本文件中的客户。离线时照常在本文件中工作；一旦能连上服务器就会同步。</translation>
    </message>
    <message>
        <source>postgresql://host:5432/database</source>
        <translation>postgresql://主机:5432/数据库</translation>
    </message>
    <message>
        <source>saved for later syncs, never in the file</source>
        <translation>保存以供以后同步，绝不写入文件</translation>
    </message>
    <message>
        <source>Keep this file&apos;s own accounts out of the server</source>
        <translation>不把本文件已有的客户上传到服务器</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Leave…</source>
        <translation>退出…</translation>
    </message>
    <message>
        <source>This file is joined to %1 as %2.</source>
        <translation>本文件已以用户 %2 加入 %1。</translation>
    </message>
    <message>
        <source>Type the server&apos;s URL and your user name.</source>
        <translation>请输入服务器地址和您的用户名。</translation>
    </message>
    <message>
        <source>Reaching the team server…</source>
        <translation>正在连接团队服务器…</translation>
    </message>
    <message>
        <source>Joining: sharing this file&apos;s accounts and fetching the team&apos;s. This can take a minute for a big team…</source>
        <translation>正在加入：上传本文件的客户并获取团队的客户。团队较大时可能需要一分钟…</translation>
    </message>
    <message>
        <source>Leave the team server</source>
        <translation>退出团队服务器</translation>
    </message>
    <message>
        <source>Turn this file back into a plain local file? Everything it holds stays here, but it no longer syncs: edits not yet synced stay in this file only, and joining again later shares them as new rows.</source>
        <translation>把本文件恢复为普通的本地文件吗？其中的所有内容都会保留，但不再同步：尚未同步的修改只留在本文件中，以后再次加入时会作为新记录共享。</translation>
    </message>
    <message>
        <source>Also forget the saved password</source>
        <translation>同时删除已保存的密码</translation>
    </message>
    <message>
        <source>Leaving…</source>
        <translation>正在退出…</translation>
    </message>
    <message>
        <source>Fetching the team&apos;s rows: table %1 of %2, %3 row(s) so far</source>
        <translation>正在获取团队的数据：第 %1 / %2 张表，已获取 %3 行</translation>
    </message>
    <message>
        <source>The team server answered: the connection works.</source>
        <translation>团队服务器已响应：连接正常。</translation>
    </message>
    <message>
        <source>Joined. %1 row(s) shared, %2 fetched from the team.</source>
        <translation>已加入。共享了 %1 条记录，从团队获取了 %2 条。</translation>
    </message>
    <message>
        <source>This file is a plain local file again.</source>
        <translation>本文件已恢复为普通的本地文件。</translation>
    </message>
</context>
<context>
    <name>TeamSettingsDialog</name>
    <message>
        <source>Team settings</source>
        <translation>团队设置</translation>
    </message>
    <message>
        <source>Tick the roles an account of each tier should have on our side. An account&apos;s “Our team” tab, its header and the dashboards name the roles nobody fills.</source>
        <translation>勾选每个级别的客户在我方应配备的角色。客户的“我方团队”标签页、客户标题栏和各看板会列出无人承担的角色。</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>改名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>The criteria each member is rated on, 1 to 5, in the team view; an account&apos;s “Our team” tab compares what it needs with its team&apos;s best.</source>
        <translation>在团队视图中按这些能力项为每位成员评分（1到5）；客户的“我方团队”标签页将其需要与团队的最高能力对比。</translation>
    </message>
    <message>
        <source>Team templates</source>
        <translation>团队模板</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>能力项</translation>
    </message>
    <message>
        <source>New competency</source>
        <translation>新建能力项</translation>
    </message>
    <message>
        <source>Name of the competency:</source>
        <translation>能力项名称：</translation>
    </message>
    <message>
        <source>Rename competency</source>
        <translation>能力项改名</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
</context>
<context>
    <name>TeamSync</name>
    <message>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Send this file&apos;s edits to the team server and fetch the team&apos;s</source>
        <translation>把本文件的修改发送到团队服务器，并获取团队的修改</translation>
    </message>
    <message>
        <source>&amp;Team server…</source>
        <translation>团队服务器(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>TeamWindow</name>
    <message>
        <source>Our team %1</source>
        <translation>我方团队 %1</translation>
    </message>
    <message>
        <source>PDF documents</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <source>Excel workbooks</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Our team: roles, workload and risk</source>
        <translation>我方团队：角色、工作量与风险</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <source>Find a member…</source>
        <translation>查找成员…</translation>
    </message>
    <message>
        <source>Type a rating from 1 to 5; clear it to remove the rating</source>
        <translation>输入1到5的评分；清空即删除评分</translation>
    </message>
    <message>
        <source>Select a member to see their accounts and hand-offs.</source>
        <translation>选择一位成员，查看其客户和交接事项。</translation>
    </message>
    <message>
        <source>Their accounts</source>
        <translation>其客户</translation>
    </message>
    <message>
        <source>Hand-offs</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Competency profile</source>
        <translation>能力画像</translation>
    </message>
    <message>
        <source>Workload chart</source>
        <translation>工作量图表</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Team &amp;settings…</source>
        <translation>团队设置(&amp;S)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>导出 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Our team</source>
        <translation>我方团队</translation>
    </message>
    <message>
        <source>Computing the team&apos;s figures…</source>
        <translation>正在计算团队数据…</translation>
    </message>
    <message>
        <source>Could not compute the team&apos;s figures: %1</source>
        <translation>无法计算团队数据：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) in %1 s</source>
        <translation>
            <numerusform>%n 位成员，用时 %1 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 位成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) missing a role of their team</source>
        <translation>
            <numerusform>%n 个客户缺少团队角色</numerusform>
        </translation>
    </message>
    <message>
        <source>Busiest: %1 (%2 accounts, %3 open actions)</source>
        <translation>最忙：%1（%2 个客户，%3 项未完成行动）</translation>
    </message>
    <message>
        <source>Losing %1 would hurt most: %2</source>
        <translation>失去 %1 影响最大：%2</translation>
    </message>
    <message>
        <source>%1: %2 account(s), owes others %3, waits for %4</source>
        <translation>%1：%2 个客户，欠他人 %3 项，等待他人 %4 项</translation>
    </message>
</context>
<context>
    <name>Time</name>
    <message>
        <source>1|2|3|4|5|6|7|8|9|10|11|12</source>
        <translation>一|两|三|四|五|六|七|八|九|十|十一|十二</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>%1天前</translation>
    </message>
    <message>
        <source>%1 weeks ago</source>
        <translation>%1周前</translation>
    </message>
    <message>
        <source>%1 months ago</source>
        <translation>%1个月前</translation>
    </message>
    <message>
        <source>a year ago</source>
        <translation>一年前</translation>
    </message>
    <message>
        <source>%1 years ago</source>
        <translation>%1年前</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1天</translation>
    </message>
    <message>
        <source>%1 weeks</source>
        <translation>%1周</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1个月</translation>
    </message>
    <message>
        <source>a year</source>
        <translation>一年</translation>
    </message>
    <message>
        <source>%1 years</source>
        <translation>%1年</translation>
    </message>
</context>
<context>
    <name>WhatIf</name>
    <message>
        <source>coverage gap</source>
        <translation>覆盖缺口</translation>
    </message>
    <message>
        <source>nobody of ours knows them</source>
        <translation>我方无人认识</translation>
    </message>
    <message>
        <source>only a weak relationship</source>
        <translation>关系较弱</translation>
    </message>
    <message>
        <source>the relationship has gone stale</source>
        <translation>关系已冷却</translation>
    </message>
    <message>
        <source>high declared influence</source>
        <translation>标注影响力高</translation>
    </message>
    <message>
        <source>influence not known</source>
        <translation>影响力未知</translation>
    </message>
    <message>
        <source>hidden power</source>
        <translation>隐性权力</translation>
    </message>
</context>
<context>
    <name>WhatIfPanel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>If things changed (nothing is saved)</source>
        <translation>如果情况变化（不会保存）</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>态度</translation>
    </message>
    <message>
        <source>Our team member</source>
        <translation>我方成员</translation>
    </message>
    <message>
        <source>Relationship level</source>
        <translation>关系强度</translation>
    </message>
    <message>
        <source>Next best relationships to build</source>
        <translation>最值得建立的关系</translation>
    </message>
    <message>
        <source>%1: coverage score +%2 (%3)</source>
        <translation>%1：覆盖得分 +%2（%3）</translation>
    </message>
    <message>
        <source>Select a person on the map or in the ranking</source>
        <translation>在关系图或排名中选择一个人</translation>
    </message>
    <message>
        <source>Support index: %1 → %2</source>
        <translation>支持指数：%1 → %2</translation>
    </message>
    <message>
        <source>Coverage score: %1 → %2</source>
        <translation>覆盖得分：%1 → %2</translation>
    </message>
    <message>
        <source>Coverage gaps: %1 → %2</source>
        <translation>覆盖缺口：%1 → %2</translation>
    </message>
</context>
<context>
    <name>WorkloadChart</name>
    <message>
        <source>Accounts</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Open actions</source>
        <translation>未完成行动</translation>
    </message>
    <message>
        <source>Overdue actions</source>
        <translation>逾期行动</translation>
    </message>
    <message>
        <source>Workload of the busiest members</source>
        <translation>最忙成员的工作量</translation>
    </message>
</context>
</TS>
