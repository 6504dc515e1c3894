"""Our side of the demo: team members shared by the three demo accounts."""

from __future__ import annotations

# fmt: off
# Data tables: one record per line (or two), so that a record reads as a row.

EMAIL_DOMAIN = "lianchuang-tech.example"

# name, title, team_role, email local part, phone, notes
MEMBERS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("陈思远", "大客户总监", "account_manager", "chen.siyuan", "138-1762-4410",
     "负责华东制造业与金融行业战略客户，13年大客户销售经验。"),
    ("林晓", "高级客户经理", "account_manager", "lin.xiao", "139-2286-0517",
     "负责华南零售与消费品客户，擅长与业务部门打交道。"),
    ("周海涛", "首席解决方案架构师（制造业）", "solution_consultant", "zhou.haitao", "136-0519-3382",
     "ERP/MES方案专家，主导过多个工程机械行业项目。"),
    ("何静", "云迁移解决方案顾问", "solution_consultant", "he.jing", "137-5741-2290",
     "金融云与信创方案顾问，熟悉金融监管对科技外包的要求。"),
    ("孙楠", "零售行业售前顾问", "solution_consultant", "sun.nan", "135-2013-8846",
     "门店POS与全渠道方案，负责演示与技术交流。"),
    ("吴国栋", "华东区副总裁", "executive_sponsor", "wu.guodong", "138-0210-6673",
     "战略客户高层对接人，与多家客户一把手保持联系。"),
    ("郑磊", "交付总监", "delivery", "zheng.lei", "139-1512-4408",
     "负责实施与上线交付，同时支持多个项目的POC与方案评估。"),
    ("许婉清", "客户成功经理", "service", "xu.wanqing", "136-6201-7735",
     "负责已上线系统的服务与续约，熟悉客户的日常用户。"),
)
