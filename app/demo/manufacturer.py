"""Demo account 1: ERP upgrade and MES rollout at a heavy-machinery manufacturer.

The story: our champion (the former CIO) has left, the new CIO favours SAP, and the account has gone quiet.
Table layouts are described in app.demo.loader.
"""

from __future__ import annotations

# fmt: off
# Data tables: one record per line (or two), so that a record reads as a row.

ACCOUNT = {
    "name": "恒岳重工集团 Hengyue Heavy Industries",
    "industry": "工程机械制造",
    "region": "华东（江苏常州）",
    "employees": 18600,
    "annual_revenue": 26_800_000_000,
    "purchasing_capacity": "very_high",
    "tier": "strategic",
    "lead_source": "existing_customer",
    "owner": "陈思远",
    "notes": (
        "集团下辖4个整机工厂和2个零部件工厂，主营挖掘机、起重机和桩工机械。2016年起使用我方ERP 9.x，"
        "计划升级至新一代ERP并在4个整机工厂上线MES，打通订单到交付全流程。原CIO赵立群（我方主要支持者）"
        "已离职，新任CIO马骏来自外资企业，倾向SAP；项目近两个月没有实质推进。"
    ),
}

RATINGS = {"budget": 4, "authority": 2, "need": 5, "timeline": 2, "strategic_fit": 4}

TEAM = ("陈思远", "周海涛", "吴国栋", "郑磊", "许婉清")

EMAIL_DOMAIN = "hengyue-group.example"

PEOPLE = (
    ("liu.zhenguo", "刘振国", "董事长", "董事会", None, "approver", "unknown", 5, None, ""),
    ("wang.hongbin", "王宏斌", "总裁", "总裁办", "liu.zhenguo", "economic_buyer", "supporter", 5, None, "e"),
    ("chen.lu", "陈璐", "总裁办主任", "总裁办", "wang.hongbin", "gatekeeper", "neutral", 3, None, "ep"),
    ("sun.meiling", "孙美玲", "财务总监", "财务中心", "wang.hongbin", "approver", "skeptic", 4, None, "ep"),
    ("huang.qi", "黄琦", "财务中心副总监", "财务中心", "sun.meiling", "user_buyer", "supporter", 3, None, "e"),
    ("lv.jing", "吕静", "财务共享中心经理", "财务中心", "sun.meiling", "user_buyer", "neutral", 2, None, "ep"),
    ("ma.jun", "马骏", "首席信息官", "数字化中心", "wang.hongbin", "decision_maker", "skeptic", 5, "SAP", "e"),
    ("zhao.liqun", "赵立群", "原首席信息官", "数字化中心", "wang.hongbin", "decision_maker", "advocate", 5, None, "p"),
    ("tang.wei", "唐伟", "数字化中心副主任（应用架构）", "数字化中心", "ma.jun",
     "technical_buyer", "supporter", 4, None, "ep"),
    ("feng.xiaodong", "冯晓东", "ERP应用经理", "数字化中心", "tang.wei", "coach", "advocate", 3, None, "ep"),
    ("he.yang", "何洋", "MES项目经理", "数字化中心", "tang.wei", "technical_buyer", "neutral", 3, "鼎捷", "ep"),
    ("zhu.ting", "朱婷", "数据治理专员", "数字化中心", "tang.wei", "influencer", "supporter", 1, None, "e"),
    ("xu.hao", "徐浩", "基础架构与运维经理", "数字化中心", "ma.jun", "influencer", "neutral", 2, None, "ep"),
    ("jiang.lei", "蒋磊", "信息安全主管", "数字化中心", "xu.hao", "gatekeeper", "unknown", 2, None, "e"),
    ("guo.jianjun", "郭建军", "副总裁（生产运营）", "生产运营中心", "wang.hongbin",
     "decision_maker", "supporter", 5, None, "ep"),
    ("deng.kai", "邓凯", "生产计划部经理", "生产运营中心", "guo.jianjun", "user_buyer", "supporter", 3, None, "ep"),
    ("shen.bo", "沈波", "精益推进办主任", "生产运营中心", "guo.jianjun", "influencer", "advocate", 2, None, "p"),
    ("xie.min", "谢敏", "质量管理部部长", "质量管理部", "guo.jianjun", "user_buyer", "neutral", 3, None, "e"),
    ("pan.zhiqiang", "潘志强", "常州总装一厂厂长", "常州总装一厂", "guo.jianjun",
     "user_buyer", "advocate", 4, None, "p"),
    ("lu.chen", "卢晨", "焊装车间主任", "常州总装一厂", "pan.zhiqiang", "user_buyer", "supporter", 1, None, "p"),
    ("song.yi", "宋毅", "涂装车间主任", "常州总装一厂", "pan.zhiqiang", "user_buyer", "neutral", None, None, ""),
    ("yu.haifeng", "余海峰", "徐州结构件厂厂长", "徐州结构件厂", "guo.jianjun",
     "user_buyer", "opponent", 3, "本地MES供应商", "p"),
    ("zheng.hua", "郑华", "供应链副总裁", "供应链中心", "wang.hongbin", "influencer", "skeptic", 4, "用友", "e"),
    ("wei.lan", "魏岚", "采购部部长", "供应链中心", "zheng.hua", "user_buyer", "neutral", 2, None, "e"),
    ("qin.tao", "秦涛", "物流与仓储经理", "供应链中心", "zheng.hua", "user_buyer", "supporter", 2, None, "p"),
    ("fang.li", "方丽", "招标采购中心主任", "招标采购中心", "wang.hongbin", "procurement", "neutral", 3, None, "ep"),
    ("ren.jie", "任杰", "IT采购专员", "招标采购中心", "fang.li", "procurement", "neutral", None, None, "ep"),
    ("lin.feng", "林峰", "原IT采购专员", "招标采购中心", "fang.li", "procurement", "supporter", 1, None, ""),
    ("yang.guang", "杨光", "营销公司总经理", "营销公司", "wang.hongbin", "influencer", "neutral", 4, None, "e"),
    ("kong.yu", "孔宇", "售后服务部总监", "营销公司", "yang.guang", "user_buyer", "supporter", 2, None, "ep"),
    ("dong.peng", "董鹏", "副总工程师（PLM）", "研发中心", "wang.hongbin", "influencer", "neutral", 3, "SAP", "e"),
    ("liang.shuang", "梁爽", "人力资源总监", "人力资源部", "wang.hongbin", "unknown", "unknown", None, None, ""),
    ("gu.xin", "顾欣", "法务部经理", "法务合规部", "wang.hongbin", "gatekeeper", "neutral", 2, None, "e"),
    ("bai.xue", "白雪", "审计部部长", "审计部", "liu.zhenguo", "approver", "unknown", None, None, ""),
)

ARCHIVED = ("zhao.liqun", "lin.feng")

NOTES = {
    "liu.zhenguo": "3000万元以上投资需董事长审批，我方从未单独拜访过。",
    "wang.hongbin": "最关心订单交期和经销商满意度；认可方案方向，但要求IT和财务联合复核预算。",
    "sun.meiling": "对三年总投入敏感，要求分期付款和清晰的ROI测算。",
    "ma.jun": "两个月前从一家德资汽车零部件企业加入，主导过SAP S/4HANA实施，正在重新评估ERP路线。",
    "zhao.liqun": "已离职（加入一家新能源企业）。项目最早的推动者，仍与唐伟保持联系。",
    "tang.wei": "原赵立群副手，熟悉我方ERP；在新CIO面前位置尚不稳固。",
    "feng.xiaodong": "日常最紧密的联系人，会主动透露评估小组进展。",
    "he.yang": "曾参与鼎捷MES选型交流，对我方MES的设备采集能力有疑问。",
    "guo.jianjun": "MES需求的真正发起人，希望先在总装一厂试点见效。",
    "pan.zhiqiang": "一厂纸质报工占比约60%，愿意做试点工厂。",
    "yu.haifeng": "徐州厂三年前自建了一套MES（本地供应商），担心集团统一后被替换。",
    "zheng.hua": "与马骏曾是同事；在上家公司用过用友，对供应链模块有自己的看法。",
    "fang.li": "超过3000万元的项目需公开邀标，至少三家供应商参与。",
    "lin.feng": "已离职，IT采购由任杰接替。",
    "liang.shuang": "人力模块是否纳入本期范围尚未确定。",
}

LINKS = (
    ("dotted_line", "he.yang", "guo.jianjun", 4, "MES项目同时向生产运营副总裁汇报"),
    ("dotted_line", "fang.li", "sun.meiling", 3, "采购预算由财务中心把关"),
    ("influences", "guo.jianjun", "wang.hongbin", 5, "生产运营是总裁最关注的板块"),
    ("influences", "ma.jun", "wang.hongbin", 4, None),
    ("influences", "sun.meiling", "liu.zhenguo", 4, "董事长信任财务总监的判断"),
    ("influences", "tang.wei", "ma.jun", 2, "新上级尚未建立信任"),
    ("influences", "yang.guang", "wang.hongbin", 3, None),
    ("influences", "xie.min", "guo.jianjun", 2, None),
    ("influences", "zheng.hua", "ma.jun", 3, None),
    ("ally", "tang.wei", "feng.xiaodong", 4, None),
    ("ally", "guo.jianjun", "pan.zhiqiang", 5, "郭总从一厂厂长提拔上来"),
    ("ally", "sun.meiling", "fang.li", 3, None),
    ("rival", "ma.jun", "guo.jianjun", 3, "MES由IT主导还是由生产主导之争"),
    ("rival", "yu.haifeng", "pan.zhiqiang", 3, "两厂争夺MES试点和资源"),
    ("knows", "zhao.liqun", "tang.wei", 5, "离职后仍经常联系"),
    ("knows", "ma.jun", "zheng.hua", 3, "曾在同一家外资企业共事"),
    ("knows", "dong.peng", "ma.jun", 2, None),
)

COVERS = (
    ("陈思远", "wang.hongbin", 3, None),
    ("陈思远", "guo.jianjun", 4, None),
    ("陈思远", "tang.wei", 4, None),
    ("陈思远", "sun.meiling", 2, None),
    ("陈思远", "ma.jun", 1, "只见过一次，尚未建立关系"),
    ("陈思远", "chen.lu", 3, None),
    ("陈思远", "fang.li", 3, None),
    ("陈思远", "zhao.liqun", 5, None),
    ("周海涛", "feng.xiaodong", 5, None),
    ("周海涛", "tang.wei", 4, None),
    ("周海涛", "he.yang", 3, None),
    ("周海涛", "deng.kai", 3, None),
    ("周海涛", "ma.jun", 2, None),
    ("吴国栋", "wang.hongbin", 3, None),
    ("吴国栋", "liu.zhenguo", 1, "行业协会活动上交换过名片"),
    ("郑磊", "pan.zhiqiang", 4, None),
    ("郑磊", "lu.chen", 3, None),
    ("许婉清", "feng.xiaodong", 4, None),
    ("许婉清", "lv.jing", 3, None),
    ("许婉清", "huang.qi", 2, None),
)

NEEDS = (
    (None, "business", "high", "validated",
     "订单到交付（OTD）周期从平均45天缩短到30天，打通销售订单、生产计划与采购。",
     "ERP与MES一体化的APS排程，以订单驱动计划；同行业客户上线后OTD缩短28%。"),
    (None, "business", "high", "validated",
     "4个整机工厂生产过程透明化：实时掌握在制品、设备OEE和质量追溯。",
     "MES一期覆盖焊装、涂装、总装；设备联网，按整机序列号追溯质量档案。"),
    (None, "business", "high", "addressed",
     "现有ERP 9.x将停止主流维护，需要平滑升级且不影响月结。",
     "升级工具自动迁移历史数据，分阶段切换；承诺老版本延保至切换完成。"),
    (None, "business", "medium", "addressed",
     "满足集团信息安全与等保三级要求。",
     "私有化部署，提供已通过等保三级测评的同类客户案例。"),
    ("ma.jun", "personal", "high", "identified",
     "新任CIO需要半年内做出看得见的成绩，在集团树立威信。",
     "以总装一厂MES试点快速见效（90天上线），由CIO向总裁汇报成果。"),
    ("ma.jun", "business", "high", "identified",
     "架构要面向未来，能与主流平台集成，避免被单一厂商锁定。",
     "开放API与标准接口，提供与SAP生态集成的案例；邀请CIO团队参加架构评审。"),
    ("sun.meiling", "business", "high", "validated",
     "控制总投入，希望分三年付款并看到明确的投资回报。",
     "分期付款方案与ROI测算模型（库存周转、加班费下降）。"),
    ("guo.jianjun", "business", "high", "validated",
     "MES先在总装一厂见效，再向其他工厂推广。",
     "一厂试点方案与里程碑验收标准。"),
    ("yu.haifeng", "personal", "medium", "identified",
     "担心自建MES被替换后本厂团队失去话语权。",
     "保留现有设备采集层，由徐州厂团队担任推广小组核心成员。"),
    ("tang.wei", "personal", "medium", "identified",
     "希望在新CIO手下保住应用架构负责人的位置。",
     "由唐伟主导技术评估，并在评审会上向CIO汇报。"),
    ("feng.xiaodong", "personal", "low", "identified",
     "希望通过升级项目积累项目管理经验，争取晋升。",
     "邀请其担任客户方项目经理，提供PMP培训名额。"),
)

INTERACTIONS = (
    (215, "14:00", "visit", 1, "zhao.liqun tang.wei 陈思远 周海涛",
     "年度拜访赵总，确认ERP 9.x维护期到期后的升级规划；赵总希望年内立项并同步考虑MES。"),
    (205, "10:00", "meeting", 2, "zhao.liqun guo.jianjun tang.wei 陈思远 周海涛 吴国栋",
     "高层交流会：郭总提出OTD周期过长，双方同意以ERP升级加MES作为整体方案开展调研。"),
    (196, "09:30", "visit", 1, "pan.zhiqiang deng.kai lu.chen 周海涛 郑磊",
     "走访常州总装一厂焊装和总装车间，收集计划与报工痛点：纸质报工占比仍约60%。"),
    (190, "15:00", "call", 0, "yu.haifeng 周海涛",
     "与徐州厂余厂长通话，对方强调自建MES运行良好，对集团统一MES有抵触。"),
    (182, "14:00", "demo", 2, "tang.wei feng.xiaodong he.yang deng.kai xie.min 周海涛",
     "新一代ERP与MES联动演示：订单排程、质量追溯。计划和质量部门反馈积极。"),
    (175, "11:00", "email", 0, "sun.meiling 陈思远",
     "向孙总发送初步报价区间与分期付款思路，孙总回复需要看到ROI测算后再讨论。"),
    (168, "18:30", "dinner", 2, "zhao.liqun guo.jianjun 陈思远 吴国栋",
     "与赵总、郭总晚餐：郭总希望MES一期先在一厂试点，赵总承诺推动项目在三季度立项。"),
    (160, "10:00", "meeting", 1, "fang.li lin.feng 陈思远",
     "与招标采购中心沟通流程：超过3000万元需公开邀标，至少三家供应商参与。"),
    (150, "14:30", "meeting", 1, "tang.wei feng.xiaodong he.yang xu.hao 周海涛 郑磊",
     "第二轮需求调研工作坊：确认ERP财务、供应链、生产模块范围，MES一期覆盖焊装、涂装、总装。"),
    (141, "09:00", "event", 1, "guo.jianjun pan.zhiqiang shen.bo 陈思远 吴国栋",
     "邀请郭总一行参加我方智能制造峰会（苏州），参观标杆客户的数字化工厂。"),
    (133, "16:00", "call", -1, "zhao.liqun 陈思远",
     "赵总透露本人可能年中调整岗位，建议尽快把项目推到总裁层面决策。"),
    (124, "10:00", "meeting", 1, "wang.hongbin guo.jianjun sun.meiling zhao.liqun 陈思远 吴国栋",
     "向王总裁汇报整体方案与ROI测算；王总认可方向，要求财务与IT联合复核预算。"),
    (112, "14:00", "email", -1, "sun.meiling huang.qi 陈思远",
     "财务中心反馈三年总投入高于预期，要求拆分一期、二期并给出付款里程碑。"),
    (98, "11:00", "call", -2, "tang.wei 陈思远",
     "唐伟告知赵总已正式离职，新CIO马骏下月到岗；项目立项暂缓。"),
    (84, "15:00", "meeting", -1, "ma.jun tang.wei 陈思远 周海涛",
     "首次拜会新任CIO马骏：对方要重新评估ERP路线，提到S/4HANA，要求提供与SAP的对比材料。"),
    (76, "10:00", "email", 0, "ma.jun tang.wei 周海涛",
     "提交架构白皮书与开放接口说明；马总未回复，唐伟称已转给评估小组。"),
    (67, "14:00", "demo", 1, "tang.wei feng.xiaodong he.yang 周海涛",
     "为评估小组补充演示APS排程和移动报工；冯晓东反馈我方技术评分暂时领先。"),
    (58, "16:30", "call", -1, "feng.xiaodong 周海涛",
     "冯晓东透露马总已邀请SAP合作伙伴来做交流，评估结论推迟到下个季度。"),
)

ACTIONS = (
    ("约见马骏，争取一对一沟通并了解其评估标准", "陈思远", -21, "ma.jun", "high", "open", None),
    ("请吴国栋致电王总裁，确认项目优先级", "吴国栋", -10, "wang.hongbin", "high", "open", None),
    ("准备与SAP S/4HANA的对比材料（TCO、实施周期、本地服务）", "周海涛", -35, "ma.jun", "medium", "open",
     "等唐伟确认评估维度后再定稿"),
    ("向孙总提交一期/二期拆分与分期付款方案", "陈思远", 7, "sun.meiling", "high", "open", None),
    ("邀请徐州厂余厂长参加一厂试点方案评审", "郑磊", 14, "yu.haifeng", "medium", "open", None),
    ("与唐伟确认评估小组成员与打分表", "周海涛", 3, "tang.wei", "medium", "open", None),
    ("提交ROI测算模型", "陈思远", -118, "sun.meiling", "high", "done", None),
    ("完成一厂车间调研报告", "郑磊", -185, "pan.zhiqiang", "medium", "done", None),
    ("邀请郭总参加智能制造峰会", "陈思远", -145, "guo.jianjun", "low", "done", None),
    ("与赵总确认三季度立项会议", "陈思远", -95, "zhao.liqun", "high", "cancelled", "赵总离职，会议取消"),
    ("组织与徐州厂MES供应商的接口交流", "周海涛", -80, "yu.haifeng", "low", "cancelled",
     "项目暂缓，待新CIO定方向"),
)

OPPORTUNITY = {
    "name": "ERP升级与MES一期项目",
    "value": 38_600_000,
    "stage": "shortlist",
    "probability": 35,
    "close_in_days": 110,
    "competitors": "SAP S/4HANA（经合作伙伴）、用友 YonBIP、鼎捷 MES",
    "notes": "原计划三季度立项，因CIO更替推迟；入围名单中我方与SAP合作伙伴并列。",
}

# Satisfaction surveys (客户满意度): (person key, days before today, recommend 0–10, satisfaction 1–5 or None,
# comment). The yearly survey went out twice; the plant managers love the pilot, finance has doubts.
SURVEYS = (
    ("wang.hongbin", 200, 8, 4, "一期交付准时，期待二期方案"),
    ("wang.hongbin", 20, 7, 3, "二期报价偏高，需要再论证投入产出"),
    ("guo.jianjun", 200, 9, 5, None),
    ("guo.jianjun", 20, 10, 5, "试点产线停机时间明显下降"),
    ("tang.wei", 20, 9, 4, "接口文档完整，技术支持响应快"),
    ("sun.meiling", 20, 4, 2, "付款节点和预算周期不匹配"),
    ("feng.xiaodong", 200, 10, 5, None),
    ("feng.xiaodong", 20, 6, 3, "最近来现场的次数少了"),
    ("pan.zhiqiang", 20, 9, 4, None),
    ("deng.kai", 20, 8, 4, "排产看板好用，希望能导出报表"),
)

# Meetings that came in from 周海涛's Outlook calendar (File ▸ Import of an .ics), all before the account went
# quiet two months ago: (days before today, "HH:MM",
# channel, participants, the event's summary, the event's UID). No sentiment: a calendar does not know how it went.
CALENDAR = (
    (90, "10:00", "meeting", "tang.wei he.yang 周海涛", "CIO交接期间的项目范围梳理",
     "040000008200E00074C5B7101A82E00800000000B0C4A6E2D3F5DA01000000000000000010000000E8A1F37C92B44D0F8C15A2D6B3E9F071"),
    (72, "14:00", "call", "feng.xiaodong he.yang 周海涛", "APS排程补充材料评审（Teams会议）",
     "040000008200E00074C5B7101A82E00800000000F2D8B1C5A7E6DA0100000000000000001000000041C7D2A9E35B4F86B0D3C8E1F5A2967B"),
    (62, "09:30", "visit", "deng.kai xie.min 郑磊", "常州一厂移动报工试点现场调研",
     "040000008200E00074C5B7101A82E0080000000064A3E9D1B2C7DB0100000000000000001000000093F0B6C4D1E74A28A5C9E3B7D0F16A4C"),
)
