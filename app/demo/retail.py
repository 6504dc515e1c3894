"""Demo account 3: new POS and store systems rolled out to 320 supermarkets.

The story: a fast-moving deal in negotiation, but single-threaded: every strong relationship runs through
our account manager, and the CFO and the general manager are barely covered. Table layouts: see
app.demo.loader.
"""

from __future__ import annotations

# fmt: off
# Data tables: one record per line (or two), so that a record reads as a row.

ACCOUNT = {
    "name": "禾润生活超市 Herun Living Supermarkets",
    "industry": "零售（连锁超市）",
    "region": "华南（广东广州、广西）",
    "employees": 12600,
    "annual_revenue": 9_800_000_000,
    "purchasing_capacity": "medium",
    "tier": "growth",
    "lead_source": "partner",
    "owner": "林晓",
    "notes": (
        "在广东、广西经营320家门店（大卖场28家、社区超市292家）。现有POS是十年前的C/S架构，门店系统分散，"
        "会员与线上到家订单无法打通。计划分三批替换全部门店的POS和门店系统。经支付合作伙伴引荐，"
        "关系几乎全部由林晓通过信息中心总监邱悦维系，单线联系风险高。"
    ),
}

RATINGS = {"budget": 3, "authority": 3, "need": 5, "timeline": 4, "strategic_fit": 3}

TEAM = ("林晓", "孙楠", "郑磊", "许婉清")

EMAIL_DOMAIN = "herun-retail.example"

PEOPLE = (
    ("li.guohua", "黎国华", "总经理", "总经理室", None, "economic_buyer", "neutral", 5, None, ""),
    ("wen.hui", "温慧", "总经理助理", "总经理室", "li.guohua", "gatekeeper", "neutral", 2, None, "ep"),
    ("cai.zhiming", "蔡志明", "常务副总经理", "营运中心", "li.guohua", "decision_maker", "supporter", 4, None, "ep"),
    ("qiu.yue", "邱悦", "信息中心总监", "信息中心", "li.guohua", "coach", "advocate", 4, None, "ep"),
    ("liang.wei", "梁伟", "门店系统经理", "信息中心", "qiu.yue", "technical_buyer", "supporter", 3, None, "ep"),
    ("mai.jiaqi", "麦嘉琪", "运维主管", "信息中心", "qiu.yue", "user_buyer", "neutral", 2, None, "p"),
    ("tan.haoran", "谭浩然", "开发主管", "信息中心", "qiu.yue", "influencer", "skeptic", 2, "自研（开源POS）", "e"),
    ("zhou.peng", "周鹏", "原信息中心副总监", "信息中心", "qiu.yue", "technical_buyer", "supporter", 3, None, ""),
    ("feng.jie", "冯洁", "财务总监", "财务中心", "li.guohua", "approver", "skeptic", 4, None, "e"),
    ("zeng.li", "曾丽", "收银稽核经理", "财务中心", "feng.jie", "user_buyer", "neutral", 2, None, "ep"),
    ("huang.jianbo", "黄建波", "营运总监", "营运中心", "cai.zhiming", "user_buyer", "supporter", 4, None, "ep"),
    ("ke.min", "柯敏", "广州区域经理", "营运中心", "huang.jianbo", "user_buyer", "advocate", 3, None, "p"),
    ("lan.tian", "蓝天", "广西区域经理", "营运中心", "huang.jianbo", "user_buyer", "opponent", 2, "海信商用", "p"),
    ("he.xiaoyan", "何小燕", "天河旗舰店店长", "营运中心", "ke.min", "user_buyer", "advocate", 2, None, "p"),
    ("guan.ling", "关玲", "防损部经理", "营运中心", "huang.jianbo", "user_buyer", "supporter", 2, None, "p"),
    ("yu.zhen", "余臻", "数字营销总监", "数字营销部", "cai.zhiming", "influencer", "neutral", 3, "有赞", "e"),
    ("peng.yu", "彭宇", "商品中心总监", "商品中心", "cai.zhiming", "influencer", "neutral", 3, None, "e"),
    ("zhuang.hong", "庄红", "行政采购部经理", "行政采购部", "feng.jie", "procurement", "neutral", 3, None, "ep"),
    ("ruan.bin", "阮斌", "法务主管", "法务部", "li.guohua", "gatekeeper", "unknown", None, None, "e"),
)

ARCHIVED = ("zhou.peng",)

NOTES = {
    "li.guohua": "创始人家族成员，决策果断，但很少直接见供应商；我方至今未能单独拜访。",
    "cai.zhiming": "希望店庆前第一批门店上线，对营运效率指标负责。",
    "qiu.yue": "项目发起人，希望借此证明信息中心的价值。我方几乎所有信息都来自她。",
    "tan.haoran": "主张在开源POS基础上自研，认为许可费用过高。",
    "zhou.peng": "已离职，去了一家生鲜电商。",
    "feng.jie": "去年电子价签项目超支，对IT投入审批非常严格。",
    "lan.tian": "广西门店网络条件差，担心新系统断网时无法收银。",
    "he.xiaoyan": "试点门店店长，晚高峰排队问题最突出，非常期待新系统。",
    "yu.zhen": "会员与小程序商城基于有赞，关心新POS能否打通会员积分。",
    "zhuang.hong": "按公司规定需要三家比价，已要求再降价8%。",
}

LINKS = (
    ("dotted_line", "liang.wei", "huang.jianbo", 3, "门店系统需求由营运中心提出"),
    ("dotted_line", "yu.zhen", "qiu.yue", 2, None),
    ("influences", "cai.zhiming", "li.guohua", 5, "总经理最信任的副手"),
    ("influences", "feng.jie", "li.guohua", 4, None),
    ("influences", "qiu.yue", "cai.zhiming", 3, None),
    ("influences", "wen.hui", "li.guohua", 2, None),
    ("influences", "he.xiaoyan", "ke.min", 3, None),
    ("influences", "lan.tian", "huang.jianbo", 2, None),
    ("ally", "qiu.yue", "liang.wei", 4, None),
    ("ally", "cai.zhiming", "huang.jianbo", 4, None),
    ("rival", "qiu.yue", "feng.jie", 3, "电子价签项目超支后关系紧张"),
    ("rival", "tan.haoran", "liang.wei", 2, "自研还是采购之争"),
    ("knows", "zhou.peng", "qiu.yue", 3, None),
    ("knows", "yu.zhen", "peng.yu", 3, None),
)

COVERS = (
    ("林晓", "qiu.yue", 5, None),
    ("林晓", "liang.wei", 4, None),
    ("林晓", "he.xiaoyan", 4, None),
    ("林晓", "cai.zhiming", 3, None),
    ("林晓", "huang.jianbo", 3, None),
    ("林晓", "ke.min", 3, None),
    ("林晓", "wen.hui", 3, None),
    ("林晓", "li.guohua", 2, "只在蔡总引荐下打过招呼"),
    ("林晓", "feng.jie", 1, None),
    ("林晓", "zhuang.hong", 2, None),
    ("孙楠", "liang.wei", 2, None),
    ("孙楠", "tan.haoran", 2, None),
    ("孙楠", "lan.tian", 2, None),
    ("孙楠", "yu.zhen", 1, None),
    ("郑磊", "mai.jiaqi", 2, None),
    ("许婉清", "zeng.li", 1, None),
    ("许婉清", "he.xiaoyan", 2, None),
)

NEEDS = (
    (None, "business", "high", "validated",
     "收银高峰期排队时间缩短，单笔收银时间从45秒降到25秒以内。",
     "新POS支持扫码自助与移动收银，试点门店实测单笔21秒。"),
    (None, "business", "high", "validated",
     "门店断网时仍能正常收银，网络恢复后自动对账。",
     "离线收银模式与断网续传，附广西门店网络环境测试报告。"),
    (None, "business", "medium", "identified",
     "会员、线上到家订单与门店库存打通。",
     "全渠道中台接口，与现有会员系统对接。"),
    (None, "business", "high", "identified",
     "320家门店分三批上线，单店切换不超过一个晚上。",
     "标准化门店上线包与夜间切换流程，交付团队按区域并行。"),
    ("qiu.yue", "personal", "high", "validated",
     "希望借项目在管理层面前证明信息中心的价值，争取升任CIO。",
     "阶段成果由邱悦向总经理室汇报，我方提供行业对标数据。"),
    ("feng.jie", "business", "high", "identified",
     "一次性投入压力大，要求按门店上线进度分期付款，并有明确验收标准。",
     "按批次里程碑付款，另提供SaaS订阅方案供比较。"),
    ("cai.zhiming", "business", "high", "validated",
     "今年店庆前完成至少100家门店上线。",
     "第一批100家门店的上线排期与资源计划。"),
    ("lan.tian", "business", "medium", "identified",
     "广西门店网络差，不能因为系统切换影响营业额。",
     "离线收银加4G备份链路。"),
    ("tan.haoran", "personal", "low", "identified",
     "希望保留内部开发团队的价值，不被外包完全替代。",
     "开放二次开发平台，由信息中心团队负责定制扩展。"),
)

INTERACTIONS = (
    (95, "10:00", "meeting", 1, "qiu.yue liang.wei 林晓",
     "经支付合作伙伴引荐首次拜访邱总监，了解门店POS更换计划，对方希望年内启动。"),
    (88, "14:00", "visit", 2, "he.xiaoyan ke.min liang.wei 林晓 孙楠",
     "走访天河旗舰店观察收银高峰：晚高峰排队超过10分钟，店长反映老POS经常死机。"),
    (80, "09:30", "demo", 1, "qiu.yue liang.wei tan.haoran mai.jiaqi 林晓 孙楠",
     "新POS与门店系统演示；谭浩然质疑许可费用，提出基于开源POS自研。"),
    (74, "15:00", "call", -1, "lan.tian 林晓",
     "与广西区域蓝经理通话，对方担心断网无法收银，态度消极。"),
    (66, "19:00", "dinner", 2, "qiu.yue cai.zhiming 林晓",
     "与蔡总、邱总监晚餐，蔡总希望店庆前第一批门店上线。"),
    (58, "10:00", "meeting", 1, "cai.zhiming huang.jianbo qiu.yue liang.wei 林晓 孙楠",
     "营运需求评审：确定天河店、番禺店为试点门店，并讨论三批上线节奏。"),
    (50, "14:00", "email", -1, "feng.jie zeng.li 林晓",
     "冯总回复：报价超出预算，要求说明三年总成本并与SaaS方案比较。"),
    (43, "09:00", "visit", 1, "he.xiaoyan guan.ling 林晓 郑磊",
     "试点门店部署勘察，确认收银台改造与网络布线方案。"),
    (36, "14:30", "demo", 1, "lan.tian mai.jiaqi liang.wei 孙楠 林晓",
     "离线收银专项演示：模拟断网两小时仍可正常收银，蓝经理态度有所缓和。"),
    (28, "10:00", "event", 1, "qiu.yue yu.zhen 林晓 许婉清",
     "邀请邱总监、余总监参加零售数字化沙龙（深圳），交流会员与到家业务打通。"),
    (21, "16:00", "call", 1, "qiu.yue 林晓",
     "邱总监透露总经理室已原则同意立项，但需要冯总认可付款方式。"),
    (14, "11:00", "meeting", 0, "zhuang.hong feng.jie 林晓",
     "与采购部庄经理、冯总初步商务沟通：对方要求再降价8%并按批次付款。"),
    (9, "15:00", "email", 1, "liang.wei qiu.yue 林晓 孙楠",
     "发送试点门店上线计划与验收标准（草案）。"),
    (6, "10:30", "call", -1, "wen.hui 林晓",
     "致电总经理助理温慧希望约见黎总，对方表示黎总本月行程已满。"),
    (2, "14:00", "meeting", 1, "qiu.yue liang.wei 林晓",
     "合同条款讨论：付款节点、驻场支持与SLA；邱总监支持按批次付款方案。"),
)

ACTIONS = (
    ("通过蔡总引荐约见黎国华总经理", "林晓", -3, "li.guohua", "high", "open", None),
    ("向冯总提交按批次付款与SaaS订阅对比方案", "林晓", -1, "feng.jie", "high", "open", None),
    ("为广西门店准备4G备份链路方案", "孙楠", -6, "lan.tian", "medium", "open", None),
    ("安排孙楠与梁伟、谭浩然单独做技术交流，拓展联系人", "孙楠", 4, "tan.haoran", "medium", "open",
     "降低对邱总监单线联系的依赖"),
    ("确定试点门店上线日期", "郑磊", 12, "he.xiaoyan", "medium", "open", None),
    ("制定第一批100家门店上线排期", "郑磊", 20, None, "high", "open", None),
    ("完成天河店收银高峰观察报告", "孙楠", -84, "he.xiaoyan", "low", "done", None),
    ("离线收银专项演示", "孙楠", -36, "lan.tian", "high", "done", None),
    ("向采购部提交正式报价", "林晓", -20, "zhuang.hong", "high", "done", None),
    ("组织禾润团队参观已上线客户门店", "许婉清", -25, None, "low", "cancelled", "客户营运旺季，改为视频参观"),
)

OPPORTUNITY = {
    "name": "320家门店新一代POS及门店系统",
    "value": 18_500_000,
    "stage": "negotiation",
    "probability": 55,
    "close_in_days": 45,
    "competitors": "海信商用、富基、内部自研（开源POS）",
    "notes": "商务条款谈判中：对方要求再降价8%并按批次付款；总经理尚未见过我方。",
}

# Satisfaction surveys (客户满意度): (person key, days before today, recommend 0–10, satisfaction 1–5 or None,
# comment). The stores are happy with the loyalty app; head office is split.
SURVEYS = (
    ("qiu.yue", 120, 10, 5, None),
    ("qiu.yue", 15, 9, 5, "会员小程序上线后复购提升明显"),
    ("cai.zhiming", 15, 8, 4, None),
    ("liang.wei", 15, 7, 3, "数据同步偶尔延迟"),
    ("he.xiaoyan", 15, 10, 5, "门店店员都说好用"),
    ("feng.jie", 15, 2, 1, "年度费用超出预算"),
    ("ke.min", 15, 9, 4, None),
)

# Meetings that came in from 林晓's DingTalk calendar (an .ics export): (days before today, "HH:MM", channel,
# participants, the event's summary, the event's UID).
CALENDAR = (
    (35, "10:00", "visit", "he.xiaoyan guan.ling 林晓", "天河旗舰店会员小程序上线回访",
     "dingtalk-event-4c8e1a7f-2b9d-4f36-a051-7e3c9b2d6f18"),
    (19, "16:00", "call", "qiu.yue tan.haoran 孙楠", "会员积分接口联调（钉钉视频会议）",
     "dingtalk-event-9a2f6c3e-7d14-4b85-b6e0-1f8a3c5d7e92"),
    (4, "09:30", "meeting", "qiu.yue liang.wei 林晓 孙楠", "门店POS升级二期范围确认",
     "dingtalk-event-d3b7e0a9-5c21-4e68-9f4a-2b6d8c1e7f35"),
)
