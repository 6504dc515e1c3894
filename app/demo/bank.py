"""Demo account 2: cloud migration at a city commercial bank.

The story: strong technical support and a successful POC, but the economic buyer (the vice-president in
charge of IT) is not covered, and the data-centre head favours Huawei. Table layouts: see app.demo.loader.
"""

from __future__ import annotations

# fmt: off
# Data tables: one record per line (or two), so that a record reads as a row.

ACCOUNT = {
    "name": "东潮商业银行 Dongchao Commercial Bank",
    "industry": "银行（城市商业银行）",
    "region": "华东（浙江宁波）",
    "employees": 9800,
    "annual_revenue": 21_500_000_000,
    "purchasing_capacity": "high",
    "tier": "key",
    "lead_source": "event",
    "owner": "陈思远",
    "notes": (
        "总资产约4800亿元的城商行，正推进“系统上云”三年规划：先将渠道类、管理类系统迁移到行内私有云，"
        "再迁移部分核心外围系统。需满足金融监管关于科技外包、数据安全和信创替代比例的要求。"
        "预算最终由分管科技的钱卫东副行长决定，我方尚未与其建立直接关系。"
    ),
}

RATINGS = {"budget": 3, "authority": 2, "need": 4, "timeline": 3, "strategic_fit": 5}

TEAM = ("陈思远", "何静", "吴国栋", "郑磊")

EMAIL_DOMAIN = "dongchaobank.example"

PEOPLE = (
    ("sun.jianhua", "孙建华", "行长", "行领导", None, "approver", "neutral", 5, None, ""),
    ("qian.weidong", "钱卫东", "副行长（分管信息科技）", "行领导", "sun.jianhua",
     "economic_buyer", "unknown", 5, "华为云", ""),
    ("li.xiuying", "李秀英", "副行长（分管风险与合规）", "行领导", "sun.jianhua",
     "approver", "skeptic", 4, None, ""),
    ("zhang.min", "张敏", "行长办公室主任", "行长办公室", "sun.jianhua", "gatekeeper", "neutral", 2, None, "ep"),
    ("han.zhigang", "韩志刚", "首席信息官兼信息科技部总经理", "信息科技部", "qian.weidong",
     "decision_maker", "supporter", 5, None, "ep"),
    ("cao.ying", "曹颖", "信息科技部副总经理（架构）", "信息科技部", "han.zhigang",
     "technical_buyer", "advocate", 4, None, "ep"),
    ("song.kai", "宋凯", "网络安全处处长", "信息科技部", "han.zhigang", "gatekeeper", "skeptic", 3, None, "e"),
    ("zhou.yan", "周岩", "应用开发一处处长（渠道）", "信息科技部", "cao.ying",
     "user_buyer", "supporter", 3, None, "ep"),
    ("xia.lin", "夏琳", "应用开发二处处长（管理类）", "信息科技部", "cao.ying",
     "user_buyer", "neutral", 2, None, "e"),
    ("jin.hao", "金浩", "DevOps工程师", "信息科技部", "zhou.yan", "user_buyer", "supporter", 1, None, "ep"),
    ("luo.bin", "罗斌", "数据中心主任", "数据中心", "han.zhigang", "technical_buyer", "skeptic", 4, "华为云", "ep"),
    ("tian.yu", "田宇", "基础架构处处长", "数据中心", "luo.bin", "influencer", "neutral", 3, "华为云", "e"),
    ("wu.ting", "吴婷", "云平台组组长", "数据中心", "luo.bin", "coach", "advocate", 2, None, "ep"),
    ("gao.peng", "高鹏", "数据库管理组组长", "数据中心", "tian.yu", "influencer", "neutral", 2, "阿里云", "e"),
    ("lei.ming", "雷鸣", "原数据中心副主任", "数据中心", "luo.bin", "technical_buyer", "supporter", 3, None, ""),
    ("ye.qing", "叶青", "首席风险官", "风险管理部", "li.xiuying", "approver", "skeptic", 4, None, "e"),
    ("ding.rui", "丁睿", "科技风险管理处处长", "风险管理部", "ye.qing", "influencer", "neutral", 3, None, "ep"),
    ("mo.xiaoyu", "莫晓雨", "法律合规部副总经理", "法律合规部", "li.xiuying",
     "gatekeeper", "neutral", 2, None, "e"),
    ("chang.lin", "常林", "内审部总经理", "内审部", "sun.jianhua", "influencer", "unknown", None, None, ""),
    ("ouyang.li", "欧阳丽", "计划财务部总经理", "计划财务部", "sun.jianhua", "approver", "neutral", 4, None, "e"),
    ("hu.jun", "胡军", "预算管理处处长", "计划财务部", "ouyang.li", "influencer", "neutral", 2, None, "ep"),
    ("xue.fei", "薛飞", "集中采购中心主任", "集中采购中心", "ouyang.li", "procurement", "neutral", 3, None, "ep"),
    ("peng.lu", "彭璐", "采购专员", "集中采购中心", "xue.fei", "procurement", "neutral", 1, None, "ep"),
    ("liao.jun", "廖俊", "零售金融部总经理", "零售金融部", "sun.jianhua", "user_buyer", "supporter", 3, None, "ep"),
    ("shi.wen", "史文", "公司金融部副总经理", "公司金融部", "sun.jianhua", "influencer", "neutral", 2, None, "e"),
)

ARCHIVED = ("lei.ming",)

NOTES = {
    "qian.weidong": "曾在省农信系统科技部门任职多年，据说与华为合作紧密；关注安全、监管与信创，很少见供应商。",
    "han.zhigang": "迁移不能出生产事故，这是他的底线；愿意帮我们争取向钱行长汇报的机会。",
    "cao.ying": "项目内部倡导者，金融科技峰会上认识，主张容器化与云原生。",
    "song.kai": "对混合云的数据出域非常敏感，要求明确部署边界和审计方案。",
    "luo.bin": "数据中心现有华为硬件占比高，倾向华为云Stack软硬一体方案；钱行长的老部下。",
    "wu.ting": "参加过我方云原生培训，会主动分享内部评估进展。",
    "gao.peng": "正在评估分布式数据库，倾向OceanBase。",
    "lei.ming": "已离职，加入一家云厂商；与吴婷仍有联系。",
    "ding.rui": "负责科技外包风险评估，需要我方提供资质、等保和应急预案材料。",
    "ouyang.li": "科技投入需纳入年度预算，对资本化与费用化口径很敏感。",
    "liao.jun": "手机银行在营销活动高峰期扩容慢，希望业务上线更快。",
    "xue.fei": "入围流程：先过技术评估，再走竞争性谈判。",
}

LINKS = (
    ("dotted_line", "ding.rui", "han.zhigang", 2, "科技风险评估结果同步报送CIO"),
    ("dotted_line", "wu.ting", "cao.ying", 3, "云平台建设由架构团队牵头"),
    ("influences", "luo.bin", "qian.weidong", 4, "钱行长的老部下，深得信任"),
    ("influences", "cao.ying", "han.zhigang", 4, None),
    ("influences", "ye.qing", "li.xiuying", 4, None),
    ("influences", "liao.jun", "sun.jianhua", 3, None),
    ("influences", "ouyang.li", "sun.jianhua", 4, None),
    ("influences", "song.kai", "ding.rui", 3, None),
    ("influences", "han.zhigang", "qian.weidong", 3, None),
    ("ally", "luo.bin", "tian.yu", 4, None),
    ("ally", "cao.ying", "zhou.yan", 3, None),
    ("ally", "wu.ting", "jin.hao", 3, None),
    ("rival", "cao.ying", "luo.bin", 4, "云平台由架构团队还是数据中心主导之争"),
    ("rival", "liao.jun", "song.kai", 2, "业务上线速度与安全管控的老矛盾"),
    ("knows", "lei.ming", "wu.ting", 4, None),
    ("knows", "gao.peng", "lei.ming", 3, None),
    ("knows", "zhang.min", "qian.weidong", 3, "负责安排行领导日程"),
)

COVERS = (
    ("陈思远", "han.zhigang", 4, None),
    ("陈思远", "cao.ying", 4, None),
    ("陈思远", "xue.fei", 3, None),
    ("陈思远", "liao.jun", 3, None),
    ("陈思远", "zhang.min", 2, None),
    ("陈思远", "ouyang.li", 1, None),
    ("陈思远", "qian.weidong", 1, "只在论坛上打过照面"),
    ("何静", "cao.ying", 5, None),
    ("何静", "wu.ting", 5, None),
    ("何静", "zhou.yan", 3, None),
    ("何静", "gao.peng", 3, None),
    ("何静", "luo.bin", 2, None),
    ("何静", "song.kai", 2, None),
    ("何静", "ding.rui", 2, None),
    ("何静", "tian.yu", 2, None),
    ("吴国栋", "qian.weidong", 2, "论坛上交流过约10分钟"),
    ("吴国栋", "han.zhigang", 3, None),
    ("吴国栋", "sun.jianhua", 1, None),
    ("郑磊", "jin.hao", 3, None),
    ("郑磊", "zhou.yan", 2, None),
)

NEEDS = (
    (None, "business", "high", "validated",
     "三年内将渠道类与管理类系统迁移到行内私有云，资源交付从两周缩短到一天。",
     "云管平台与自动化交付；同类城商行案例资源交付缩短到4小时。"),
    (None, "business", "high", "validated",
     "手机银行等互联网渠道在营销活动期间能够弹性扩容。",
     "容器化改造与弹性伸缩，按活动峰值自动扩容，附压测报告。"),
    (None, "business", "high", "identified",
     "满足监管对科技外包风险、数据安全及信创替代比例的要求。",
     "全栈信创适配清单、等保三级与可信云认证、外包风险评估材料包。"),
    (None, "business", "medium", "identified",
     "降低数据中心硬件与运维成本。",
     "提升资源利用率，提供五年TCO对比。"),
    ("qian.weidong", "personal", "high", "identified",
     "需要在董事会的科技战略汇报中拿出数字化转型的标杆成果。",
     "联合发布城商行云原生转型白皮书；安排与已完成迁移的同业行领导交流。"),
    ("han.zhigang", "personal", "high", "validated",
     "迁移过程中不能出现生产事故，避免影响个人考核。",
     "分批迁移、双活回退方案和驻场保障团队。"),
    ("luo.bin", "business", "medium", "identified",
     "担心多厂商堆叠导致运维复杂，偏好软硬一体。",
     "兼容现有华为硬件，提供统一运维门户。"),
    ("ding.rui", "business", "medium", "addressed",
     "需要完整的科技外包风险评估材料。",
     "已提交资质、审计报告与应急预案。"),
    ("wu.ting", "personal", "low", "validated",
     "希望团队掌握云原生技能，成为行内技术骨干。",
     "提供认证培训名额，上线后联合运维。"),
    ("ouyang.li", "business", "medium", "identified",
     "投入需分年度纳入预算，资本化口径要清晰。",
     "年度订阅与一次性实施费用拆分报价。"),
)

INTERACTIONS = (
    (150, "14:00", "event", 1, "cao.ying wu.ting 何静 陈思远",
     "金融科技峰会（上海）结识曹颖，交流城商行云原生转型，对方对容器平台很感兴趣。"),
    (138, "10:00", "visit", 1, "han.zhigang cao.ying 陈思远 何静",
     "首次拜访韩总，了解三年上云规划，获邀参加技术交流。"),
    (126, "14:00", "meeting", 1, "cao.ying zhou.yan xia.lin wu.ting 何静",
     "技术交流：介绍云管平台与迁移方法论，确认首批约40个渠道类、管理类系统的迁移清单。"),
    (119, "16:00", "call", 0, "luo.bin 何静",
     "与罗主任电话沟通数据中心现状，对方表示已在与华为交流一体化方案。"),
    (110, "09:30", "demo", 2, "cao.ying wu.ting tian.yu gao.peng jin.hao 何静 郑磊",
     "云平台与自动化交付演示：现场10分钟交付一套测试环境，技术团队反馈很好。"),
    (102, "18:30", "dinner", 1, "han.zhigang cao.ying 陈思远 吴国栋",
     "吴总与韩总晚餐：预算需钱行长审批，钱行长更关注安全与监管。"),
    (95, "10:00", "meeting", -1, "song.kai ding.rui 何静",
     "安全与科技风险沟通：宋处长对混合云数据出域顾虑很大，要求提供部署边界与审计方案。"),
    (88, "15:00", "email", 0, "ding.rui 何静 陈思远",
     "发送外包风险评估材料包（资质、等保、应急预案），丁处长确认收到。"),
    (80, "14:00", "meeting", 1, "liao.jun zhou.yan 陈思远",
     "与零售金融部廖总交流手机银行活动高峰扩容问题，廖总愿意作为业务方支持项目。"),
    (72, "10:00", "visit", 0, "xue.fei peng.lu 陈思远",
     "拜访集中采购中心，了解入围流程：先通过技术评估，再走竞争性谈判。"),
    (64, "09:00", "event", 1, "qian.weidong han.zhigang 吴国栋",
     "长三角城商行科技论坛上吴总与钱行长简短交流约10分钟，钱行长问到信创适配情况。"),
    (55, "14:00", "demo", 1, "luo.bin tian.yu gao.peng wu.ting 何静 郑磊",
     "POC启动：在测试环境迁移两个管理类系统；罗主任要求同时验证与现有华为存储的兼容性。"),
    (46, "11:00", "call", 1, "wu.ting 何静",
     "吴婷透露内部评估表：我方技术分第一，华为云在本地服务和硬件兼容性上得分更高。"),
    (38, "16:00", "meeting", 2, "cao.ying wu.ting zhou.yan jin.hao 何静 郑磊",
     "POC阶段汇报：两个系统迁移完成，性能提升约30%，回退演练成功。"),
    (30, "10:00", "email", -1, "ouyang.li hu.jun 陈思远",
     "计划财务部反馈：今年科技预算已基本占用，项目需拆分到两个预算年度。"),
    (21, "15:00", "meeting", 0, "han.zhigang cao.ying luo.bin 陈思远 何静 吴国栋",
     "方案评审预备会：韩总要求补充信创全栈适配清单与分年度报价，罗主任再次提出华为一体机方案。"),
    (12, "14:30", "call", 1, "cao.ying 陈思远",
     "曹总建议通过韩总争取向钱行长单独汇报，时间可能在下月行务会之前。"),
    (5, "10:00", "email", 0, "han.zhigang cao.ying 何静",
     "提交信创适配清单与分年度报价初稿。"),
    (3, "16:00", "call", 1, "wu.ting 何静",
     "吴婷告知评估小组下周开会，由罗主任牵头打分。"),
)

ACTIONS = (
    ("通过韩总争取向钱卫东副行长单独汇报", "陈思远", -4, "qian.weidong", "high", "open", None),
    ("吴国栋致电钱行长，邀请参观已完成上云的同业银行", "吴国栋", -12, "qian.weidong", "high", "open", None),
    ("向宋处长补充混合云部署边界与审计方案", "何静", -2, "song.kai", "high", "open", None),
    ("完成华为存储兼容性测试报告", "郑磊", 5, "luo.bin", "medium", "open", None),
    ("准备评估小组答辩材料", "何静", 8, None, "high", "open", "重点回应本地服务与硬件兼容性"),
    ("与计划财务部确认两个年度的拆分报价口径", "陈思远", 10, "ouyang.li", "medium", "open", None),
    ("提交科技外包风险评估材料包", "何静", -88, "ding.rui", "medium", "done", None),
    ("搭建POC环境", "郑磊", -57, "wu.ting", "high", "done", None),
    ("提交POC阶段报告", "何静", -36, "cao.ying", "medium", "done", None),
    ("邀请钱行长参加我方年度客户大会", "吴国栋", -40, "qian.weidong", "low", "cancelled",
     "钱行长行程冲突，改为在论坛上见面"),
)

OPPORTUNITY = {
    "name": "渠道及管理类系统上云迁移（一期）",
    "value": 52_000_000,
    "stage": "evaluation",
    "probability": 30,
    "close_in_days": 150,
    "competitors": "华为云Stack、阿里云专有云、腾讯云TCE",
    "notes": "POC技术领先；需拆分到两个预算年度，钱行长的态度是最大变数。",
}

# Satisfaction surveys (客户满意度): (person key, days before today, recommend 0–10, satisfaction 1–5 or None,
# comment). The proof of concept pleased the data team; the risk side is not convinced yet.
SURVEYS = (
    ("han.zhigang", 150, 7, 3, None),
    ("han.zhigang", 30, 8, 4, "POC结果符合预期"),
    ("cao.ying", 30, 10, 5, "实时风控延迟达标"),
    ("wu.ting", 150, 9, 5, None),
    ("wu.ting", 30, 9, 4, None),
    ("luo.bin", 30, 5, 2, "安全合规材料还不完整"),
    ("zhou.yan", 30, 8, 4, "培训很到位"),
    ("li.xiuying", 30, 3, 2, "对国产化替代的风险有顾虑"),
)

# Meetings that came in from 何静's Google calendar (an .ics export): (days before today, "HH:MM", channel,
# participants, the event's summary, the event's UID).
CALENDAR = (
    (40, "15:00", "meeting", "cao.ying wu.ting gao.peng 何静", "信创数据库迁移方案评审",
     "3q7k1m9v2c5x8b4n6h0j2l4p6r@google.com"),
    (26, "10:30", "call", "luo.bin 何静", "数据中心容量规划电话会（腾讯会议）",
     "0f5t8w2y4a6d9g1k3n5q7s9u1x@google.com"),
    (8, "14:00", "meeting", "cao.ying zhou.yan 陈思远 何静", "渠道系统上云试点周会",
     "7e2r5t8y1u4i7o0p3a6s9d2f5g@google.com"),
)
