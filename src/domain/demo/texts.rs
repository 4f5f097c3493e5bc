//! What staff and customers write: complaint descriptions and their
//! resolutions, survey comments, contact summaries, follow-up purposes.
//! Kept apart from the logic so the generator's code reads as behaviour.

use crate::complaints::DEFAULT_ROOT_CAUSES;
use crate::{BusinessKind, ComplaintCategory};

/// One complaint story: what happened, what the customer asks for, how it was
/// solved and what caused it, taken from the default root-cause list so the
/// demo's Pareto and resolve form use the causes a manager maintains.
#[derive(Debug, Clone, Copy)]
pub(super) struct ComplaintStory {
    pub description: &'static str,
    pub request: &'static str,
    pub solution: &'static str,
    pub root_cause: &'static str,
}

const fn story(
    description: &'static str,
    request: &'static str,
    solution: &'static str,
    root_cause: &'static str,
) -> ComplaintStory {
    ComplaintStory {
        description,
        request,
        solution,
        root_cause,
    }
}

const HOTEL_ATTITUDE: [ComplaintStory; 3] = [
    story(
        "前台接待态度冷淡,办理入住等待四十分钟无人解释",
        "要求酒店道歉并说明原因",
        "值班经理当面致歉,赠送下次入住免费升级",
        DEFAULT_ROOT_CAUSES[0],
    ),
    story(
        "礼宾员对行李寄存要求不耐烦,语气生硬",
        "希望对相关员工进行批评教育",
        "经理电话致歉,相关员工已接受服务礼仪培训",
        DEFAULT_ROOT_CAUSES[0],
    ),
    story(
        "餐厅服务员在客人询问时翻白眼",
        "要求餐厅经理出面道歉",
        "餐厅经理致歉并免单当餐",
        DEFAULT_ROOT_CAUSES[0],
    ),
];
const HOTEL_QUALITY: [ComplaintStory; 3] = [
    story(
        "房间空调噪音大,整夜无法入睡",
        "要求换房并减免房费",
        "当晚换至同级安静房型,减免一晚房费",
        DEFAULT_ROOT_CAUSES[2],
    ),
    story(
        "入住时发现床单有污渍,卫生间有头发",
        "要求重新打扫并给予补偿",
        "立即更换客房并赠送早餐券",
        DEFAULT_ROOT_CAUSES[1],
    ),
    story(
        "提前预订的无烟房入住时有烟味",
        "要求换房",
        "升级至无烟楼层套房",
        DEFAULT_ROOT_CAUSES[1],
    ),
];
const HOTEL_PRICE: [ComplaintStory; 2] = [
    story(
        "退房时账单多收了一晚房费",
        "要求退还多收款项",
        "核实后全额退还并致歉",
        DEFAULT_ROOT_CAUSES[1],
    ),
    story(
        "迷你吧未消费却被收费",
        "要求取消该笔费用",
        "取消迷你吧费用并赠送积分",
        DEFAULT_ROOT_CAUSES[1],
    ),
];
const HOTEL_COMMUNICATION: [ComplaintStory; 2] = [
    story(
        "预订时承诺的接机服务没有安排",
        "要求报销打车费用",
        "报销往返车费并赠送接机券",
        DEFAULT_ROOT_CAUSES[3],
    ),
    story(
        "电话预订的生日布置到店时没有准备",
        "希望酒店重视客人的特别需求",
        "补做布置并赠送蛋糕",
        DEFAULT_ROOT_CAUSES[3],
    ),
];
const HOTEL_PRODUCT: [ComplaintStory; 1] = [story(
    "早餐品种少,九点后多个菜品已空",
    "希望改进早餐供应",
    "延长补餐时间并致歉",
    DEFAULT_ROOT_CAUSES[1],
)];
const HOTEL_OTHER: [ComplaintStory; 2] = [
    story(
        "停车场车位不足,等待很久",
        "希望提供代客泊车",
        "安排代客泊车并免除停车费",
        DEFAULT_ROOT_CAUSES[1],
    ),
    story(
        "泳池临时关闭未提前通知",
        "希望提前告知设施维护安排",
        "赠送水疗体验券",
        DEFAULT_ROOT_CAUSES[3],
    ),
];

const RETAIL_ATTITUDE: [ComplaintStory; 2] = [
    story(
        "导购在试衣时催促购买,态度不耐烦",
        "要求门店道歉",
        "店长电话致歉并赠送代金券",
        DEFAULT_ROOT_CAUSES[1],
    ),
    story(
        "要求退货时店员当众质疑顾客",
        "要求对店员进行处理",
        "店长致歉,办理退货,店员接受培训",
        DEFAULT_ROOT_CAUSES[0],
    ),
];
const RETAIL_QUALITY: [ComplaintStory; 2] = [
    story(
        "周末门店只有一名店员,结账排队二十分钟",
        "希望增加人手",
        "调整周末排班并赠送积分",
        DEFAULT_ROOT_CAUSES[1],
    ),
    story(
        "线上下单后七天仍未发货",
        "要求尽快发货或退款",
        "加急发货并补偿运费",
        DEFAULT_ROOT_CAUSES[1],
    ),
];
const RETAIL_PRICE: [ComplaintStory; 2] = [
    story(
        "购买后三天商品降价,价保申请被拒",
        "要求退还差价",
        "按价保政策退还差价",
        DEFAULT_ROOT_CAUSES[4],
    ),
    story(
        "会员折扣结账时没有生效",
        "要求补回折扣",
        "退还差额并补发积分",
        DEFAULT_ROOT_CAUSES[2],
    ),
];
const RETAIL_COMMUNICATION: [ComplaintStory; 2] = [
    story(
        "活动规则宣传不清,满减未能使用",
        "要求按宣传兑现优惠",
        "按宣传口径补发优惠",
        DEFAULT_ROOT_CAUSES[4],
    ),
    story(
        "预约的改衣服务到期未通知取件",
        "希望及时通知",
        "免费加急修改并致歉",
        DEFAULT_ROOT_CAUSES[3],
    ),
];
const RETAIL_PRODUCT: [ComplaintStory; 4] = [
    story(
        "新买的外套洗一次就起球",
        "要求退货退款",
        "办理退货并赠送护理券",
        DEFAULT_ROOT_CAUSES[5],
    ),
    story(
        "鞋子穿两周鞋底开胶",
        "要求换新",
        "更换新品并延长保修",
        DEFAULT_ROOT_CAUSES[5],
    ),
    story(
        "网上看到的颜色与实物差别很大",
        "要求退货",
        "无理由退货并赠送优惠券",
        DEFAULT_ROOT_CAUSES[5],
    ),
    story(
        "美妆产品使用后皮肤过敏",
        "要求退款并承担就医费用",
        "全额退款并报销就医费用",
        DEFAULT_ROOT_CAUSES[5],
    ),
];
const RETAIL_OTHER: [ComplaintStory; 1] = [story(
    "商场停车优惠无法使用",
    "希望门店协调",
    "协调商场补发停车券",
    DEFAULT_ROOT_CAUSES[3],
)];

/// The stories for a business and complaint category.
pub(super) fn complaint_stories(
    kind: BusinessKind,
    category: ComplaintCategory,
) -> &'static [ComplaintStory] {
    match (kind, category) {
        (BusinessKind::Hotel, ComplaintCategory::ServiceAttitude) => &HOTEL_ATTITUDE,
        (BusinessKind::Hotel, ComplaintCategory::ServiceQuality) => &HOTEL_QUALITY,
        (BusinessKind::Hotel, ComplaintCategory::PriceBilling) => &HOTEL_PRICE,
        (BusinessKind::Hotel, ComplaintCategory::Communication) => &HOTEL_COMMUNICATION,
        (BusinessKind::Hotel, ComplaintCategory::Product) => &HOTEL_PRODUCT,
        (BusinessKind::Hotel, ComplaintCategory::Other) => &HOTEL_OTHER,
        (BusinessKind::Retail, ComplaintCategory::ServiceAttitude) => &RETAIL_ATTITUDE,
        (BusinessKind::Retail, ComplaintCategory::ServiceQuality) => &RETAIL_QUALITY,
        (BusinessKind::Retail, ComplaintCategory::PriceBilling) => &RETAIL_PRICE,
        (BusinessKind::Retail, ComplaintCategory::Communication) => &RETAIL_COMMUNICATION,
        (BusinessKind::Retail, ComplaintCategory::Product) => &RETAIL_PRODUCT,
        (BusinessKind::Retail, ComplaintCategory::Other) => &RETAIL_OTHER,
    }
}

/// Notes staff add while handling a complaint, in order of the workflow.
pub(super) const ACKNOWLEDGE_NOTES: [&str; 3] = [
    "已致电客户致歉,了解详细情况",
    "已短信告知客户受理结果和处理时限",
    "客户情绪较激动,已安抚并留下联系方式",
];
pub(super) const INVESTIGATION_NOTES: [&str; 3] = [
    "已调取监控与交易记录核实",
    "已与当班员工面谈了解经过",
    "已联系供应商/工程部协助核查",
];
pub(super) const REOPEN_REASONS: [&str; 3] = [
    "客户对补偿方案不满意",
    "客户反映问题再次出现",
    "客户认为处理结果未回应核心诉求",
];
pub(super) const VOUCHERS: [&str; 4] = [
    "免费早餐券两张",
    "下次消费8折券",
    "¥200代金券",
    "免费升级券一张",
];

/// Survey comments by how the customer felt.
pub(super) fn survey_comments(kind: BusinessKind, score: u8) -> &'static [&'static str] {
    match (kind, score) {
        (BusinessKind::Hotel, 9..) => &[
            "房间干净,前台效率很高,下次还住",
            "早餐丰富,服务人员很热情",
            "记得我的枕头偏好,很贴心",
            "位置方便,升级了房型很惊喜",
            "",
            "",
        ],
        (BusinessKind::Hotel, 7..=8) => &[
            "整体不错,就是电梯等得有点久",
            "性价比还可以",
            "隔音一般,其他都好",
            "",
            "",
        ],
        (BusinessKind::Hotel, _) => &[
            "办理入住太慢了",
            "房间有异味,体验较差",
            "价格偏高,配套跟不上",
            "投诉后处理得不够及时",
            "",
        ],
        (BusinessKind::Retail, 9..) => &[
            "导购搭配建议很专业",
            "会员活动很用心,会推荐给朋友",
            "质量好,款式新",
            "线上下单门店自提很方便",
            "",
            "",
        ],
        (BusinessKind::Retail, 7..=8) => &[
            "衣服不错,尺码略偏小",
            "价格再实惠点就更好了",
            "门店有点挤",
            "",
            "",
        ],
        (BusinessKind::Retail, _) => &[
            "质量和价格不匹配",
            "退换货流程太麻烦",
            "导购一直推销,体验不好",
            "发货太慢",
            "",
        ],
    }
}

/// What a contact was about: the summary staff log.
pub(super) fn contact_summaries(kind: BusinessKind) -> &'static [&'static str] {
    match kind {
        BusinessKind::Hotel => &[
            "离店回访:询问入住体验,客人对早餐很满意",
            "电话确认下月预订及接机需求",
            "生日前致电问候,告知会员生日礼遇",
            "介绍会员升级权益与积分兑换",
            "协议客户年度回访,沟通明年协议价",
            "投诉处理后回访客户满意度",
            "微信推送中秋套餐,客人表示感兴趣",
            "沉睡客户唤醒:赠送回归礼遇券",
            "到店面谈会议场地需求",
            "邮件发送发票及入住明细",
        ],
        BusinessKind::Retail => &[
            "新品到店微信通知,客户预约周末试穿",
            "购买后回访穿着体验",
            "生日月专属折扣提醒",
            "会员沙龙活动邀约",
            "618预售活动电话告知",
            "双11会员专场邀约",
            "投诉处理后回访客户满意度",
            "沉睡客户唤醒:发放回归优惠券",
            "到店量体,推荐搭配方案",
            "邮件发送电子小票及积分说明",
        ],
    }
}

/// Why a follow-up was scheduled.
pub(super) fn follow_up_purposes(kind: BusinessKind) -> &'static [&'static str] {
    match kind {
        BusinessKind::Hotel => &[
            "定期回访:了解近期出行计划",
            "确认预订细节",
            "投诉处理满意度回访",
            "会员升级后权益说明",
            "协议续签沟通",
            "沉睡客户二次唤醒",
        ],
        BusinessKind::Retail => &[
            "定期回访:新品推荐",
            "改衣取件提醒",
            "投诉处理满意度回访",
            "会员升级后权益说明",
            "大促前邀约到店",
            "沉睡客户二次唤醒",
        ],
    }
}

/// Notes written when a follow-up or care task is done.
pub(super) const DONE_NOTES: [&str; 5] = [
    "已联系,客户反馈良好",
    "已发送微信消息",
    "电话未接通,已短信留言",
    "客户表示近期会到店",
    "已完成,无特别需求",
];
