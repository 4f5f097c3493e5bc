//! Every visible string of the app, in 简体中文 and English, side by side.
//!
//! One line per key: `Key => "中文", "English";`, grouped by the page (or
//! shared area) that shows it. The [`messages!`] macro turns the table into
//! the [`Key`] enum and one `match` per locale, so a key without both
//! translations does not compile.
//!
//! Placeholders: `{name}` is replaced by an argument (see [`super::fill`]);
//! English may write `{name|one|other}` to choose a singular or plural form
//! by a count argument. Chinese needs no plural forms.

use super::Locale;

macro_rules! messages {
    ($($ns:ident { $($key:ident => $zh:literal, $en:literal;)* })*) => {
        /// The page or shared area a key belongs to; keys are named after it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Namespace {
            $($ns,)*
        }

        /// A visible string. Its text in a locale is [`Key::text`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($($key,)*)*
        }

        impl Key {
            /// Every key, in table order.
            pub const ALL: &'static [Key] = &[$($(Key::$key,)*)*];

            pub fn namespace(self) -> Namespace {
                match self {
                    $($(Key::$key => Namespace::$ns,)*)*
                }
            }

            /// The raw text, placeholders included.
            pub fn text(self, locale: Locale) -> &'static str {
                match locale {
                    Locale::ZhCn => match self {
                        $($(Key::$key => $zh,)*)*
                    },
                    Locale::En => match self {
                        $($(Key::$key => $en,)*)*
                    },
                }
            }
        }
    };
}

messages! {
    App {
        AppName => "客户关系 CRM", "客户关系 CRM";
        AppSkipLink => "跳到主要内容", "Skip to main content";
        AppUpdateReady => "新版本已在后台下载。重新加载即可使用（数据不受影响）。", "A new version has been downloaded. Reload to use it (your data is not affected).";
        AppUpdateButton => "重新加载并更新", "Reload and update";
        AppLanguageGroup => "界面语言", "Interface language";
        AppLoading => "正在打开此浏览器中保存的数据…", "Opening the data stored in this browser…";
        AppGeneratingDemo => "首次使用：正在生成酒店演示数据…", "First visit: generating the hotel demo data…";
        AppMemoryWarning => "此浏览器不允许本网页使用 IndexedDB 存储，数据只保存在内存中：刷新或关闭页面后，所有数据都会丢失。原因：{reason}",
            "This browser does not let the page use IndexedDB storage, so the data is kept in memory only: nothing will survive a reload or closing the tab. Reason: {reason}";
        AppDemoBanner => "这是酒店演示数据集：其中的客户、入住和投诉都是程序生成的虚构记录。可在“设置”中改为载入零售演示数据，或从空白数据开始。",
            "This is the hotel demo data set: its customers, stays and complaints are made up by the app. In Settings you can load the retail demo instead, or start empty.";
        AppDemoBannerLink => "前往设置", "Go to Settings";
        AppDismiss => "关闭提示", "Dismiss";
        AppErrorTitle => "无法打开数据", "The data could not be opened";
        AppErrorKept => "已保存的数据没有被改动。", "Your stored data has not been changed.";
        AppReload => "重新加载页面", "Reload the page";
        AppDemoNotSaved => "演示数据已生成，但未能保存，刷新后将会丢失。原因：{reason}",
            "The demo data was generated but could not be saved, so it will be lost on reload. Reason: {reason}";
        AppFooter => "所有数据只保存在此浏览器中，所有数字都在本机计算。", "All data stays in this browser, and every figure is computed on this device.";
    }
    Nav {
        NavLabel => "主菜单", "Main";
        NavHome => "首页", "Home";
        NavCustomers => "客户", "Customers";
        NavSegments => "客户细分", "Segments";
        NavLifecycle => "生命周期", "Lifecycle";
        NavLoyalty => "会员忠诚度", "Loyalty";
        NavComplaints => "投诉处理", "Complaints";
        NavSurveys => "满意度调查", "Surveys";
        NavSettings => "设置", "Settings";
    }
    Home {
        HomeTitle => "客户健康度仪表盘", "Customer health dashboard";
        HomeIntro => "截至 {date}（营业地当日），以下数字由此浏览器中保存的数据实时计算。",
            "As of {date} (the business's local day), computed in this browser from the stored data.";
        HomePeriod => "本期为 {start} 至 {end}（{days} 天），与上一期 {previous_start} 至 {previous_end} 对比。",
            "This period is {start} to {end} ({days} days), compared with the previous period, {previous_start} to {previous_end}.";
        HomeWarnings => "{count} 项指标超出预警阈值，需要整改。", "{count} {count|figure is|figures are} past the warning threshold: corrective action is needed.";
        HomeNoWarnings => "所有设有阈值的指标都在正常范围内。", "Every figure with a threshold is within it.";
        HomeHealthFigures => "健康度指标", "Health figures";
        HomeMetricNps => "净推荐值（NPS）", "Net Promoter Score (NPS)";
        HomeMetricCsat => "客户满意度（CSAT 平均分）", "Customer satisfaction (CSAT average)";
        HomeMetricRepurchase => "复购率", "Repurchase rate";
        HomeMetricActive => "本期活跃客户", "Active customers this period";
        HomeMetricClv => "平均客户终身价值（历史）", "Average CLV (historical)";
        HomeMetricOpenComplaints => "当前未解决投诉", "Open complaints now";
        HomeMetricSla => "超时未处理投诉（SLA）", "SLA breaches";
        HomeMetricPoints => "积分负债（未兑换积分）", "Points liability (outstanding points)";
        HomeHintNps => "推荐者 {promoters}、被动者 {passives}、贬损者 {detractors}，共 {responses} 份答卷",
            "Promoters {promoters}, passives {passives}, detractors {detractors}, of {responses} {responses|answer|answers}";
        HomeHintCsat => "满意（4–5 分）占 {percent}，共 {responses} 份答卷", "{percent} satisfied (4–5), of {responses} {responses|answer|answers}";
        HomeHintRepurchase => "本期 {buyers} 位消费客户中，{repeat} 位在两天或以上有消费",
            "{repeat} of {buyers} {buyers|buyer|buyers} bought on two or more days";
        HomeHintActive => "本期有消费或入住的客户", "Customers who bought or stayed in the period";
        HomePredictedClv => "模型预测的平均 CLV：{value}（BG/NBD + Gamma-Gamma）", "Predicted average CLV: {value} (BG/NBD + Gamma-Gamma model)";
        HomeHintClv => "每位已消费客户的累计净消费，不含模型预测值", "Net spend to date per customer who has bought; not the model's prediction";
        HomeHintOpen => "已受理、已确认或调查中", "Received, acknowledged or under investigation";
        HomeHintSla => "仍未处理完且已超过时限", "Still open and past the SLA due time";
        HomeHintPoints => "会员积分余额之和，以积分流水为准", "Sum of members' balances, from the points ledger";
        HomePrevious => "上一期：{value}", "Previous period: {value}";
        HomeChangeBetter => "较上一期改善 {change}", "{change} better than the previous period";
        HomeChangeWorse => "较上一期变差 {change}", "{change} worse than the previous period";
        HomeChangeSame => "与上一期持平", "Same as the previous period";
        HomeChangeUnknown => "上一期无数据，无法比较", "No figure for the previous period to compare";
        HomeThresholdBelow => "低于 {value} 时预警", "Warning below {value}";
        HomeThresholdAbove => "高于 {value} 时预警", "Warning above {value}";
        HomeNoThreshold => "未设预警阈值", "No warning threshold";
        HomeStatusWarning => "超出阈值", "Past threshold";
        HomeNoData => "无数据", "No data";
        HomeTrendHeading => "满意度月度趋势", "Satisfaction by month";
        HomeTrendChart => "近 12 个月的净推荐值：{values}", "NPS over the last 12 months: {values}";
        HomeTrendMonth => "月份", "Month";
        HomeTrendNps => "净推荐值", "NPS";
        HomeTrendCsat => "满意度平均分", "CSAT average";
        HomeTrendAnswers => "答卷数", "Answers";
        HomeThresholdsHeading => "预警阈值", "Warning thresholds";
        HomeThresholdsHint => "留空表示不预警。NPS、CSAT、复购率、活跃客户和平均 CLV 低于阈值时预警；投诉、超时投诉和积分负债高于阈值时预警。",
            "Leave a field empty for no warning. NPS, CSAT, repurchase rate, active customers and average CLV warn below their threshold; complaints, SLA breaches and points liability warn above it.";
        HomePeriodLabel => "统计周期（天）", "Period (days)";
        HomeCallbackLabel => "贬损者回访期限（天）", "Detractor call-back window (days)";
        HomeSave => "保存阈值", "Save thresholds";
        HomeSaved => "阈值已保存。", "The thresholds are saved.";
        HomeSaveFailed => "未能保存：{reason}", "Not saved: {reason}";
        HomeNotReady => "数据尚未载入，无法保存。", "The data is not loaded yet, so nothing can be saved.";
        HomeInvalid => "没有保存：请修改下方标出的问题。", "Not saved: fix the problems marked below.";
        HomeErrRange => "请输入 {min} 到 {max} 之间的数字，或留空。", "Enter a number from {min} to {max}, or leave it empty.";
        HomeErrNumber => "请输入数字，或留空。", "Enter a number, or leave it empty.";
        HomeErrPeriod => "请输入 7 到 366 之间的整数。", "Enter a whole number from 7 to 366.";
        HomeErrCallback => "请输入 1 到 90 之间的整数。", "Enter a whole number from 1 to 90.";
        HomePrint => "打印报告", "Print the report";
        HomeOverviewHeading => "数据概览", "Data overview";
        HomeCustomers => "客户档案", "Customer profiles";
        HomeActive => "近 365 天活跃客户", "Active customers, last 365 days";
        HomeActiveShare => "占全部客户的 {percent}", "{percent} of all customers";
        HomeStays => "近 365 天入住次数", "Stays, last 365 days";
        HomePurchases => "近 365 天消费笔数", "Purchases, last 365 days";
        HomeRevenue => "近 365 天净营收", "Net revenue, last 365 days";
        HomeRevenueHint => "已扣除退款", "Refunds deducted";
        HomeHotels => "酒店", "Hotels";
        HomeStores => "门店", "Stores";
        HomeMembers => "会员", "Loyalty members";
        HomeOpenComplaints => "未解决投诉", "Open complaints";
        HomeWindow => "“近 365 天”指 {start} 至 {end}。", "“Last 365 days” means {start} to {end}.";
        HomeEmpty => "当前数据集是空的，没有可以统计的内容。可在“设置”中载入演示数据。",
            "The data set is empty, so there is nothing to count. You can load a demo data set in Settings.";
    }
    Common {
        CommonNotBuilt => "尚未建成", "Not built yet";
        CommonNotBuiltIntro => "此模块仍在开发中。建成后，这里将提供：", "This module is still being built. Once it is, this page will offer:";
        CommonDataHeading => "可用数据", "Data it will work from";
        CommonReadyHotel => "{customers} 位客户、{transactions} 次入住记录已可供分析。",
            "{customers} {customers|customer|customers} and {transactions} {transactions|stay|stays} ready to analyse.";
        CommonReadyRetail => "{customers} 位客户、{transactions} 笔消费记录已可供分析。",
            "{customers} {customers|customer|customers} and {transactions} {transactions|purchase|purchases} ready to analyse.";
        CommonNoData => "当前数据集是空的。可在“设置”中载入演示数据。", "The data set is empty. You can load a demo data set in Settings.";
        CommonGoToSettings => "前往设置", "Open Settings";
    }
    Customers {
        CustomersPlanList => "客户档案列表：按姓名、电话、城市、来源渠道、会员等级和标签搜索与筛选。",
            "The customer list: search and filter by name, phone, city, source channel, tier and tags.";
        CustomersPlanProfile => "客户详情：偏好（房型、枕头、早餐、尺码）、消费或入住记录、沟通记录、回访任务和变更历史。",
            "Each profile: preferences (room type, pillow, breakfast, size), purchases or stays, contact records, follow-ups and change history.";
        CustomersPlanQuality => "数据质量：规范手机号与邮箱，识别并合并重复客户（例如同一手机号的“张先生”和“张总”），合并时保留所有关联记录。",
            "Data quality: normalised phones and e-mails, and finding and merging duplicates (such as “Mr Zhang” and “Director Zhang” with one phone), keeping every linked record.";
        CustomersPlanFollowUps => "定期回访任务清单，以及按权限分级的客户信息保护。",
            "The scheduled follow-up task list, and customer data protected by permission level.";
        CustomersReady => "{customers} 份客户档案、{interactions} 条沟通记录、{follow_ups} 项回访任务已可使用。",
            "{customers} customer {customers|profile|profiles}, {interactions} contact {interactions|record|records} and {follow_ups} {follow_ups|follow-up|follow-ups} ready.";
    }
    Segments {
        SegmentsIntro => "按 RFM 将客户分为 11 个客户群，并给出消费等级、ABC 等级、价值分层、价值矩阵、帕累托曲线和预测的客户终身价值。所有数字都在本机计算。",
            "Customers in 11 RFM segments, with spend grades, A/B/C grades, value tiers, the value matrix, the Pareto curve and predicted lifetime value. Every figure is computed on this device.";
        SegmentsComputing => "正在计算客户细分…", "Computing the segmentation…";
        SegmentsSummary => "截至 {date}：{buyers} 位客户有消费，{prospects} 位尚无消费，营收 {revenue}。",
            "As of {date}: {buyers} {buyers|customer has|customers have} purchases, {prospects} {prospects|has|have} none; revenue {revenue}.";
        SegmentsSettingsTitle => "分析设置", "Analysis settings";
        SegmentsAsOf => "截止日期", "As of";
        SegmentsWindow => "分析区间", "Window";
        SegmentsWindowAll => "全部历史", "All history";
        SegmentsWindow12 => "最近 12 个月", "Last 12 months";
        SegmentsDiamondFrom => "钻石门槛（年消费，元）", "Diamond from (annual spend)";
        SegmentsGoldFrom => "黄金门槛（年消费，元）", "Gold from (annual spend)";
        SegmentsDormantDays => "沉睡：未消费天数", "Dormant after (days without purchase)";
        SegmentsAShare => "A 级：累计营收占比（%）", "Grade A: first share of revenue (%)";
        SegmentsBShare => "B 级：其后营收占比（%）", "Grade B: next share of revenue (%)";
        SegmentsClvHorizon => "CLV 预测期（月）", "CLV horizon (months)";
        SegmentsClvDiscount => "CLV 月折现率（%）", "CLV monthly discount rate (%)";
        SegmentsStrategicShare => "战略级：价值最高客户占比（%）", "Strategic tier: top share of buyers by value (%)";
        SegmentsGrowthShare => "战略级与成长级：价值靠前客户占比（%）", "Strategic and growth tiers: top share of buyers by value (%)";
        SegmentsLoyalScore => "高忠诚：F 得分至少", "High loyalty: F score at least";
        SegmentsLoyalPAlive => "高忠诚：活跃概率至少（%）", "High loyalty: P(alive) at least (%)";
        SegmentsDormantPAlive => "沉睡级：活跃概率低于（%）", "Dormant tier: P(alive) below (%)";
        SegmentsCurrency => "货币", "Currency";
        SegmentsCurrencyNote => "货币只是金额的标注：更换货币不会换算已记录的金额。", "The currency labels the amounts: changing it does not convert any recorded amount.";
        SegmentsProblemsTitle => "以下设置需要更正后才能保存：", "Correct these settings before saving:";
        SegmentsErrGoldNotBelowDiamond => "黄金门槛必须低于钻石门槛。", "The Gold threshold must be below the Diamond threshold.";
        SegmentsErrDormantDays => "沉睡天数至少为 1 天。", "Dormant after must be at least one day.";
        SegmentsErrGradeShares => "A 级与 B 级的营收占比合计不能超过 100%。", "Grades A and B together cannot exceed 100% of revenue.";
        SegmentsErrStrategicShare => "战略级占比必须在 1% 到 100% 之间。", "The strategic share must be between 1% and 100%.";
        SegmentsErrGrowthShare => "战略级与成长级占比不能小于战略级占比，也不能超过 100%。", "The strategic-and-growth share must be at least the strategic share and at most 100%.";
        SegmentsErrLoyalScore => "F 得分必须在 1 到 5 之间。", "The F score must be between 1 and 5.";
        SegmentsErrPAlive => "活跃概率必须在 0% 到 100% 之间，且沉睡级门槛低于高忠诚门槛。", "P(alive) thresholds must be between 0% and 100%, the dormant one below the loyalty one.";
        SegmentsErrHorizon => "CLV 预测期至少为 1 个月。", "The CLV horizon must be at least one month.";
        SegmentsSave => "保存为默认设置", "Save as default";
        SegmentsReset => "恢复默认值", "Reset to defaults";
        SegmentsSaveFailed => "没有保存：{reason}", "Not saved: {reason}";
        SegmentsNotReady => "数据尚未载入，无法保存。", "The data is not loaded yet, so nothing can be saved.";
        SegmentsUnsaved => "当前设置与已保存的默认设置不同。", "These settings differ from the saved default.";
        SegmentsHeatTitle => "R × FM 热力图", "R × FM heat map";
        SegmentsHeatCaption => "每格是最近消费得分 R（行）与频率金额得分 FM（列）组合下的客户数，颜色越深人数越多；选择一格可列出其客户。",
            "Customers per recency score R (rows) and frequency-monetary score FM (columns); darker means more. Choose a cell to list its customers.";
        SegmentsHeatCorner => "R 得分＼FM 得分", "R score \\ FM score";
        SegmentsHeatRow => "R 得分 {score}", "R = {score}";
        SegmentsHeatCol => "FM 得分 {score}", "FM = {score}";
        SegmentsHeatCell => "R {r}、FM {fm}：{segment}，{count} 位客户", "R {r}, FM {fm}: {segment}, {count} {count|customer|customers}";
        SegmentsTableTitle => "客户群", "Segments";
        SegmentsColSegment => "客户群名称", "Segment";
        SegmentsColCustomers => "客户数", "Customers";
        SegmentsColCustomerShare => "客户占比", "Share of customers";
        SegmentsColRevenueShare => "营收占比", "Revenue share";
        SegmentsColRevenue => "营收", "Revenue";
        SegmentsColAvgSpend => "人均消费", "Average spend";
        SegmentsColAvgRecency => "平均未消费天数", "Average days since purchase";
        SegmentsColAction => "建议行动", "Recommended action";
        SegmentsChartTitle => "各客户群人数", "Customers per segment";
        SegmentsActionRewardAndAdvocacy => "奖励他们；新品抢先体验；邀请推荐好友。", "Reward them; early access to new products; invite them to refer friends.";
        SegmentsActionUpsellAndUpgrade => "推荐更高价值的产品；邀请升级会员；请他们评价。", "Up-sell higher-value products; offer a membership upgrade; ask for reviews.";
        SegmentsActionMembershipOffer => "邀请加入会员或积分计划；按购买历史推荐商品。", "Offer membership or points; recommend products from their history.";
        SegmentsActionOnboarding => "欢迎新客；帮助上手首批产品；跟进首次购买体验。", "Welcome them; help with the first products; follow up the first purchase.";
        SegmentsActionSecondPurchaseIncentive => "加深品牌认知；提供试用和二次购买激励。", "Build brand awareness; offer trials and a second-purchase incentive.";
        SegmentsActionLimitedTimeOffer => "限时优惠；根据过往购买推荐商品。", "A limited-time offer; recommendations based on past purchases.";
        SegmentsActionReactivate => "在流失前用热销商品和适度折扣重新激活。", "Reactivate with popular products and a modest discount before they lapse.";
        SegmentsActionPersonalisedWinBack => "个性化挽回信息与续约；了解发生了什么变化。", "Personalised win-back messages and renewals; find out what changed.";
        SegmentsActionPersonalContact => "由客户经理一对一联系挽回，别让他们流向竞争对手。", "Win them back one to one (a call from their manager); do not lose them to a competitor.";
        SegmentsActionSpecialOffer => "提供相关的特别优惠，重新建立品牌价值。", "A relevant special offer; re-establish the brand's value.";
        SegmentsActionReviveOrLetGo => "低成本唤醒活动；挽回成本超过价值时停止（E(V) − V3 > C3）。", "A low-cost revival campaign; stop when win-back cost exceeds the value (E(V) − V3 > C3).";
        SegmentsListCell => "热力图格 R {r}、FM {fm} 的客户", "Customers in cell R {r}, FM {fm}";
        SegmentsListSegment => "客户群“{segment}”的客户", "Customers in {segment}";
        SegmentsListCount => "显示 {shown} 位，共 {total} 位客户", "Showing {shown} of {total} {total|customer|customers}";
        SegmentsListNone => "在热力图中选择一格，或在客户群表中选择一个客户群，即可列出其客户。", "Choose a heat-map cell or a segment to list its customers.";
        SegmentsListEmpty => "这里没有客户。", "No customers here.";
        SegmentsExport => "导出为 CSV", "Export as CSV";
        SegmentsClear => "清除选择", "Clear selection";
        SegmentsColName => "姓名", "Name";
        SegmentsColCity => "城市", "City";
        SegmentsColRfm => "R/F/M 得分", "R/F/M scores";
        SegmentsColRecency => "未消费天数", "Days since purchase";
        SegmentsColFrequency => "消费天数", "Purchase days";
        SegmentsColMonetary => "消费金额", "Spend";
        SegmentsColGrade => "消费等级", "Spend grade";
        SegmentsColAbc => "ABC 等级", "A/B/C grade";
        SegmentsColTier => "价值分层", "Value tier";
        SegmentsColPAlive => "活跃概率 P(alive)", "P(alive)";
        SegmentsColClv => "预测 CLV", "Predicted CLV";
        SegmentsManual => "（手动）", "(manual)";
        SegmentsGradesTitle => "等级与分层", "Grades and tiers";
        SegmentsSpendGradesCaption => "消费等级（按近一年消费）", "Spend grades (by trailing-year spend)";
        SegmentsGradeDiamond => "钻石", "Diamond";
        SegmentsGradeGold => "黄金", "Gold";
        SegmentsGradeSilver => "白银", "Silver";
        SegmentsGradeDormant => "沉睡", "Dormant";
        SegmentsGradeRule => "钻石：年消费 ≥ {diamond}；黄金：≥ {gold}；白银：低于黄金；沉睡：{days} 天未消费。",
            "Diamond: annual spend ≥ {diamond}; Gold: ≥ {gold}; Silver: below Gold; Dormant: no purchase for {days} days.";
        SegmentsColGroup => "等级", "Grade";
        SegmentsAbcCaption => "ABC 等级（按贡献）", "A/B/C grades (by contribution)";
        SegmentsColComputed => "计算所得", "Computed";
        SegmentsColEffective => "生效（含手动调整）", "In effect (with manual overrides)";
        SegmentsAbcA => "A 重点客户", "A: key customers";
        SegmentsAbcB => "B 一般客户", "B: general customers";
        SegmentsAbcC => "C 潜在客户", "C: potential customers";
        SegmentsOverrides => "{count} 位客户的等级为手动调整，按手动等级计入“生效”一列。",
            "{count} {count|customer has|customers have} a manually overridden grade, counted in the \"in effect\" column.";
        SegmentsAbcRule => "A：按消费从高到低累计，贡献前 {a} 营收的客户；B：其后 {b}；C：其余。",
            "A: customers who together make the first {a} of revenue, highest spenders first; B: the next {b}; C: the rest.";
        SegmentsTiersCaption => "价值分层", "Value tiers";
        SegmentsTierStrategic => "战略级", "Strategic tier";
        SegmentsTierGrowth => "成长级", "Growth tier";
        SegmentsTierBasic => "基础级", "Basic tier";
        SegmentsTierDormant => "沉睡级", "Dormant tier";
        SegmentsTierStrategicRule => "价值前 {top} 且忠诚度高：一对一专属服务。", "Top {top} by value and highly loyal: dedicated one-to-one service.";
        SegmentsTierGrowthRule => "价值靠前但忠诚度尚不高，或价值居中且有潜力：会员升级、社群、跨品牌权益。",
            "Top value without the loyalty yet, or middle value with potential: upgrades, community, cross-brand benefits.";
        SegmentsTierBasicRule => "其余有价值的客户：自动化、标准化服务。", "Other customers with value: automated, standardised service.";
        SegmentsTierDormantRule => "{days} 天未消费、没有价值或活跃概率很低：唤醒活动，成本超过价值时停止。",
            "No purchase for {days} days, no value, or a low P(alive): wake-up campaigns, stopped when they cost more than they bring.";
        SegmentsColRule => "规则", "Rule";
        SegmentsValueBasisClv => "价值按预测 CLV 计算。", "Value is the predicted CLV.";
        SegmentsValueBasisSpend => "模型未拟合，价值按近一年消费计算。", "The model is not fitted, so value is the trailing-year spend.";
        SegmentsMatrixTitle => "客户价值矩阵", "Customer value matrix";
        SegmentsMatrixSplit => "分界：平均每次消费 {amount}、消费天数 {days}（达到即为“高”）。",
            "Split at an average purchase of {amount} and {days} purchase days (reaching it counts as high).";
        SegmentsMatrixHighAmount => "平均消费额高", "High average purchase";
        SegmentsMatrixLowAmount => "平均消费额低", "Low average purchase";
        SegmentsMatrixHighFrequency => "消费频率高", "High frequency";
        SegmentsMatrixLowFrequency => "消费频率低", "Low frequency";
        SegmentsQuadBest => "最有价值客户", "Best customers";
        SegmentsQuadFrequent => "常客", "Frequent customers";
        SegmentsQuadSpender => "乐于消费客户", "Big spenders";
        SegmentsQuadUncertain => "不确定客户", "Uncertain customers";
        SegmentsGroupFigure => "{count} 位客户 · {revenue}（{share}）", "{count} {count|customer|customers} · {revenue} ({share})";
        SegmentsParetoTitle => "帕累托曲线", "Pareto curve";
        SegmentsParetoTop20 => "消费最多的前 20% 客户贡献的营收占比", "Revenue share of the top 20% of customers";
        SegmentsParetoAlt => "累计营收占比随客户占比上升的曲线，客户按消费从高到低排列；前 20% 客户贡献 {share}。",
            "Cumulative revenue share against share of customers, highest spenders first; the top 20% bring {share}.";
        SegmentsParetoY => "累计营收占比", "Cumulative revenue share";
        SegmentsModelTitle => "预测模型（BG/NBD 与 Gamma-Gamma）", "Predictive model (BG/NBD and Gamma-Gamma)";
        SegmentsModelIntro => "以截至 {date} 的数据拟合，共 {population} 位客户。", "Fitted on data up to {date}, {population} {population|customer|customers}.";
        SegmentsModelPurchases => "购买次数模型 BG/NBD", "Purchase model BG/NBD";
        SegmentsModelSpend => "客单价模型 Gamma-Gamma", "Spend model Gamma-Gamma";
        SegmentsModelParam => "参数", "Parameter";
        SegmentsModelValue => "估计值", "Estimate";
        SegmentsModelLogLik => "对数似然", "Log-likelihood";
        SegmentsModelCustomers => "参与拟合的客户数", "Customers in the fit";
        SegmentsModelRepeat => "重复购买的客户数", "Repeat buyers";
        SegmentsModelConverged => "已收敛：{iterations} 次迭代，{evaluations} 次函数计算。", "Converged in {iterations} iterations ({evaluations} evaluations).";
        SegmentsModelUnavailable => "未能拟合：{reason}。其余分析不受影响。", "Not fitted: {reason}. The rest of the analysis still works.";
        SegmentsHoldoutTitle => "留出期检验", "Holdout check";
        SegmentsHoldoutIntro => "用 {calibration_end} 之前的数据拟合，预测之后 {weeks} 周的重复购买，再与实际比较。",
            "Fitted on data up to {calibration_end}, then repeat purchases predicted for the following {weeks} weeks and compared with what happened.";
        SegmentsHoldoutColPurchases => "校准期重复购买次数", "Repeat purchases in calibration";
        SegmentsHoldoutColPredicted => "预测（人均）", "Predicted (mean)";
        SegmentsHoldoutColActual => "实际（人均）", "Actual (mean)";
        SegmentsHoldoutOpen => "{count} 次及以上", "{count} or more";
        SegmentsHoldoutTotal => "合计：预测 {predicted} 次，实际 {actual} 次，相对误差 {error}。", "In total: {predicted} predicted, {actual} actual, relative error {error}.";
        SegmentsModelErrDisabled => "已在设置中关闭", "switched off in the settings";
        SegmentsModelErrTooFewCustomers => "客户太少：{found} 位，至少需要 {needed} 位", "too few customers: {found}, at least {needed} needed";
        SegmentsModelErrTooFewRepeat => "重复购买的客户太少：{found} 位，至少需要 {needed} 位", "too few repeat buyers: {found}, at least {needed} needed";
        SegmentsModelErrNoHistory => "没有可学习的历史：所有客户的首次消费都在最后一天", "no history to learn from: every customer's first purchase is on the last day";
        SegmentsModelErrNotConverged => "经过 {evaluations} 次计算仍未收敛", "the fit did not converge after {evaluations} evaluations";
        SegmentsModelErrRunAway => "有参数趋于零或无穷大，数据无法确定它", "a parameter ran off to zero or infinity, so the data do not determine it";
        SegmentsModelErrNoFiniteMean => "消费模型没有有限的均值（q ≤ 1）", "the spend model has no finite mean (q ≤ 1)";
        SegmentsModelErrNeedsPurchase => "没有购买次数模型，无法预测消费", "spend cannot be predicted without the purchase model";
        SegmentsModelErrHoldoutTooLong => "留出期过长，没有剩余的校准历史", "the holdout period leaves no calibration history";
        SegmentsModelErrStale => "分析结果属于其他数据，需要重新计算", "the prepared analysis belongs to other data and must be prepared again";
        SegmentsHelpTitle => "规则说明", "How the segments are defined";
        SegmentsHelpRfm => "R 为距最后一次消费的天数，F 为消费天数，M 为消费总额；各按五分位得 1–5 分（5 最好）；FM = ⌊(F + M) / 2⌋。",
            "R is the days since the last purchase, F the number of purchase days, M the total spend; each scores 1–5 by quintile (5 best), and FM = ⌊(F + M) / 2⌋.";
        SegmentsHelpTies => "并列规则：得分 = 1 + ⌊5 · w / n⌋，w 为数值严格更差的客户数，n 为有消费的客户数；数值相同的客户得分相同。",
            "Ties: score = 1 + ⌊5 · w / n⌋, where w is the number of customers with a strictly worse value and n the number of buyers; identical values get identical scores.";
        SegmentsHelpProspects => "区间内没有消费的客户不评分，也不归入任何客户群。", "Customers without a purchase in the window get no score and no segment.";
        SegmentsColRScores => "R 得分范围", "R scores";
        SegmentsColFmScores => "FM 得分范围", "FM scores";
    }
    Lifecycle {
        LifecycleViewsLabel => "生命周期视图", "Lifecycle views";
        LifecycleScrollTable => "可横向滚动的表格", "Table, scrolls sideways";
        LifecycleTabStages => "阶段与流转", "Stages and flows";
        LifecycleTabRates => "保持与流失率", "Retention and churn";
        LifecycleTabWarnings => "流失预警", "Churn warnings";
        LifecycleTabTasks => "保持任务", "Retention tasks";
        LifecycleTabWinBack => "挽救决策", "Win-back";
        LifecycleTabBackTest => "预警回测", "Back-test";
        LifecycleNotReady => "数据尚未加载，无法保存。", "The data is not loaded yet, so nothing was saved.";
        LifecycleSaveFailed => "未能保存，数据保持原样。原因：{reason}", "Not saved; the data is unchanged. Reason: {reason}";
        LifecycleErrCustomer => "找不到该客户。", "That customer does not exist.";
        LifecycleErrAlreadyOpen => "该客户已有一个进行中的保持任务。", "This customer already has an open retention task.";
        LifecycleErrDue => "请填写截止日期。", "Give a due date.";
        LifecycleErrUnknownTask => "找不到该任务。", "That task does not exist.";
        LifecycleErrClosed => "该任务已结束。", "That task is already closed.";
        LifecycleErrNotEvaluated => "任务需先进入“评估”步骤才能结束。", "The task must reach the evaluation step before it is closed.";
        LifecycleErrLastStep => "任务已在最后一步。", "The task is already at the last step.";
        LifecycleErrAlreadyLost => "该客户已被标记为流失。", "This customer is already marked lost.";
        LifecycleStageProspect => "潜在客户", "Prospect";
        LifecycleStageNew => "新客", "New";
        LifecycleStageDeveloping => "成长期", "Developing";
        LifecycleStageLoyal => "稳定期", "Loyal";
        LifecycleStageAtRisk => "风险期", "At risk";
        LifecycleStageDormant => "沉睡", "Dormant";
        LifecycleStageChurned => "已流失", "Churned";
        LifecycleStageWonBack => "已赢回", "Won back";
        LifecycleStageProspectHint => "尚无消费", "No purchase yet";
        LifecycleStageNewHint => "首次消费不久", "First purchase recently";
        LifecycleStageDevelopingHint => "有复购，频率未稳定", "Repeat purchases, not yet regular";
        LifecycleStageLoyalHint => "规律且频繁地消费", "Buys regularly and often";
        LifecycleStageAtRiskHint => "超出自身消费间隔或频率、金额下降", "Overdue for their own rhythm, or buying less";
        LifecycleStageDormantHint => "一年无消费", "No purchase for a year";
        LifecycleStageChurnedHint => "员工已标记流失", "Marked lost by staff";
        LifecycleStageWonBackHint => "沉睡或流失后再次消费", "Bought again after dormant or churned";
        LifecycleNotYet => "尚未成为客户", "Not a customer yet";
        LifecycleStagesHeading => "各阶段客户数（{date}）", "Customers per stage on {date}";
        LifecycleCustomerTotal => "客户总数：", "Customers in total:";
        LifecycleStagesHelpSummary => "阶段如何判定", "How stages are assigned";
        LifecycleStagesHelp => "按顺序判定，先符合者为准：已流失（员工标记且之后未再消费）→ 潜在客户（无消费）→ 沉睡（{dormant} 天无消费）→ 风险期（距上次消费超过自身平均间隔的 {ratio} 倍，仅一次消费者按 {default} 天计；或近半年消费次数或金额低于前半年的 {falling}）→ 已赢回（沉睡或流失后再次消费，{wonback} 天内）→ 新客（首次消费不超过 {new} 天）→ 稳定期（近一年消费 {loyal} 天及以上）→ 成长期。",
            "Checked in order, the first that applies wins: churned (marked lost by staff, no purchase since) → prospect (no purchase) → dormant (no purchase for {dormant} days) → at risk (days since the last purchase above {ratio} × their own usual interval, {default} days for a one-time buyer; or purchases or spend in the last half-year below {falling} of the half-year before) → won back (bought again after dormant or churned, for {wonback} days) → new (first purchase at most {new} days ago) → loyal ({loyal} or more purchase days in the last year) → developing.";
        LifecycleFlowsHeading => "阶段流转", "Stage flows";
        LifecycleFlowFrom => "起始日期", "From";
        LifecycleFlowTo => "结束日期", "To";
        LifecycleFlowDatesInvalid => "请选择两个有效日期，起始不晚于结束，且不晚于今天。", "Choose two valid dates, the first not after the second, neither after today.";
        LifecycleFlowSummary => "{from} 至 {to}，有 {n} 位客户从稳定期转入风险期。", "From {from} to {to}, {n} {n|customer|customers} moved from loyal to at risk.";
        LifecycleFlowCaption => "阶段转移矩阵：行为起始日期的阶段，列为结束日期的阶段", "Transition matrix: rows are stages on the first date, columns on the second";
        LifecycleFlowCorner => "起始 \\ 结束", "From \\ to";
        LifecycleCohortsHeading => "月度获客同期群留存", "Monthly acquisition cohorts";
        LifecycleCohortsHint => "按首次消费月份分组；每格为该组在之后第 k 个月有消费的客户占比。", "Grouped by the month of the first purchase; each cell is the share of the cohort who bought in month k after it.";
        LifecycleCohortCol => "首次消费月份", "First purchase month";
        LifecycleCohortSize => "人数", "Size";
        LifecycleCohortMonth => "第 {k} 月", "Month {k}";
        LifecycleCohortRow => "{month} 同期群", "Cohort {month}";
        LifecycleRatesHeading => "客户保持率与流失率", "Retention and churn rates";
        LifecyclePeriod => "统计期", "Period";
        LifecyclePeriodDays => "最近 {days} 天", "Last {days} days";
        LifecyclePeriodLine => "统计期：{from} 至 {to}。期初客户为当时处于新客、成长期、稳定期、风险期或已赢回阶段的客户。", "Period: {from} to {to}. Customers at the start are those then new, developing, loyal, at risk or won back.";
        LifecycleColAtStart => "期初客户数", "Customers at start";
        LifecycleColChurned => "期内流失数", "Churned in period";
        LifecycleRetentionRate => "客户保持率", "Retention rate";
        LifecycleAbsoluteChurn => "绝对客户流失率", "Absolute churn rate";
        LifecycleRelativeChurn => "相对客户流失率", "Relative churn rate";
        LifecycleRelativeContribution => "流失客户相对贡献", "Relative contribution of the churned";
        LifecycleWakeUpRate => "唤醒率", "Wake-up rate";
        LifecycleWakeUpLine => "期初沉睡或已流失的 {lapsed} 位客户中，有 {woke} 位在期内再次消费。", "Of {lapsed} customers dormant or churned at the start, {woke} bought again in the period.";
        LifecycleFormulasSummary => "计算公式", "Formulas";
        LifecycleFormulaRetention => "客户保持率 = 保持的客户数 ÷ 期初客户数 × 100%", "Retention rate = customers retained ÷ customers at period start × 100%";
        LifecycleFormulaAbsolute => "绝对客户流失率 = 流失的客户数 ÷ 全部客户数 × 100% = 1 − 客户保持率", "Absolute churn rate = churned customers ÷ all customers × 100% = 1 − retention rate";
        LifecycleFormulaRelative => "相对客户流失率 = 流失的客户数 ÷ 全部客户数 × 流失客户的相对贡献 × 100%，即流失客户所占的收入份额", "Relative churn rate = (churned ÷ all) × relative contribution of the churned × 100%, which is the churned customers' share of revenue";
        LifecycleFormulaTerms => "流失：期初活跃、期末沉睡或被标记流失；相对贡献：流失客户的平均收入 ÷ 全部期初客户的平均收入，收入为期初前一年的净消费。", "Churned: active at the start, dormant or marked lost at the end. Relative contribution: the churned customers' average revenue ÷ the average revenue of all customers at the start, revenue being net spend over the year before the start.";
        LifecycleByOutlet => "按门店或酒店", "By store or property";
        LifecycleBySegment => "按 RFM 客户群（期初）", "By RFM segment (at the start)";
        LifecycleColOutlet => "门店或酒店", "Store or property";
        LifecycleColSegment => "客户群", "Segment";
        LifecycleColMonth => "月份", "Month";
        LifecycleNoOutlet => "未指定", "None recorded";
        LifecycleTrendHeading => "月度趋势", "Monthly trend";
        LifecycleTrendHint => "每月：期初为上月最后一天，期末为当月最后一天（本月为今天）。", "Each month: the start is the last day of the month before, the end its last day (today for this month).";
        LifecycleWarningsHeading => "流失预警名单", "Churn warning list";
        LifecycleWarningsHint => "按风险价值排序：近一年消费额 × 风险分。每条预警都列出原因。", "Sorted by value at risk: trailing-year spend × risk score. Each warning lists its reasons.";
        LifecycleThreshold => "预警阈值（0–1）", "Warning threshold (0–1)";
        LifecycleThresholdInvalid => "请输入 0 到 1 之间的阈值。", "Enter a threshold between 0 and 1.";
        LifecycleScoreHelpSummary => "风险分如何计算", "How the risk score is computed";
        LifecycleScoreHelp => "每个流失信号取 0–1 的强度，乘以其权重（单独出现时导致流失的可能性），再像独立原因一样合并：风险分 = 1 − Π（1 − 权重 × 信号）。信号：超出自身消费间隔、P(alive)（有购买模型时）、消费频率下降、消费金额下降、沟通减少、近期或未解决的投诉、满意度低分。",
            "Each sign of churn has a strength from 0 to 1, times its weight (how likely it alone makes churn); signs combine like independent causes: score = 1 − Π (1 − weight × sign). Signs: overdue against their own interval, P(alive) when the purchase model is available, falling frequency, falling spend, fewer contacts, recent or unresolved complaints, low survey scores.";
        LifecycleWarningCount => "共 {n} 条预警，显示前 {shown} 条。", "{n} {n|warning|warnings}; the first {shown} shown.";
        LifecycleColCustomer => "客户", "Customer";
        LifecycleColStage => "阶段", "Stage";
        LifecycleColScore => "风险分", "Risk score";
        LifecycleColValue => "近一年消费", "Trailing-year spend";
        LifecycleColValueAtRisk => "风险价值", "Value at risk";
        LifecycleColReasons => "原因", "Reasons";
        LifecycleColAction => "操作", "Actions";
        LifecycleColStep => "步骤", "Step";
        LifecycleColOutcome => "状态或结果", "Status or outcome";
        LifecycleColType => "客户类型", "Customer type";
        LifecycleColAnnual => "年均价值", "Annual value";
        LifecycleColRecommendation => "建议", "Recommendation";
        LifecycleReasonOverdue => "已 {days} 天未消费，平时每 {usual} 天一次", "no purchase for {days} days, usually every {usual} days";
        LifecycleReasonPAlive => "仍活跃的概率 P(alive) 仅 {percent}", "P(alive) only {percent}";
        LifecycleReasonFrequency => "近半年消费 {recent} 次，前半年 {before} 次", "{recent} purchase days in the last half-year, {before} in the one before";
        LifecycleReasonSpend => "近半年消费 {recent}，前半年 {before}", "spent {recent} in the last half-year, {before} in the one before";
        LifecycleReasonContacts => "近半年沟通 {recent} 次，前半年 {before} 次", "{recent} contacts in the last half-year, {before} in the one before";
        LifecycleReasonComplaintOpen => "{date} 的投诉尚未解决", "complaint on {date} unresolved";
        LifecycleReasonComplaint => "{date} 有投诉", "complaint on {date}";
        LifecycleReasonSurvey => "{date} 满意度调查低分 {score}", "low survey score on {date} ({score})";
        LifecycleTaskOpen => "已有进行中的任务", "Task open";
        LifecycleTaskCreateShort => "建保持任务", "Create task";
        LifecycleTaskCreateFor => "为 {customer} 建立保持任务", "Create a retention task for {customer}";
        LifecycleTaskFormHeading => "为 {customer} 建立保持任务", "New retention task for {customer}";
        LifecycleTaskCreate => "建立任务", "Create retention task";
        LifecycleCancel => "取消", "Cancel";
        LifecycleOwner => "负责人", "Owner";
        LifecycleUnassigned => "未指派", "Unassigned";
        LifecycleDue => "截止日期", "Due";
        LifecycleStrategy => "保持策略", "Strategy";
        LifecycleSuccessHeading => "预警名单成效", "How the list worked";
        LifecycleSuccessHint => "由预警建立的保持任务中，任务建立后 {days} 天内再次消费的客户。", "Of the retention tasks made from warnings, the customers who bought again within {days} days of the task.";
        LifecycleSuccessMeasured => "已满观察期的任务", "Tasks past their window";
        LifecycleSuccessBought => "其中再次消费", "Bought again";
        LifecycleSuccessRate => "成功率", "Success rate";
        LifecycleSuccessPending => "观察期内的任务", "Tasks still in their window";
        LifecycleTasksHeading => "保持任务", "Retention task list";
        LifecycleTasksHint => "步骤：寻找保持机会 → 选择策略 → 实施 → 评估；评估后记录结果并结束。", "Steps: find the opportunity → choose a strategy → act → evaluate; after evaluating, record the outcome to close.";
        LifecycleTasksEmpty => "还没有保持任务。可在“流失预警”中由预警建立。", "No retention tasks yet. Create them from the churn warnings.";
        LifecycleTaskCounts => "进行中 {open} 个，其中到期 {due} 个。", "{open} open, {due} due.";
        LifecycleTaskDue => "已到期", "Due now";
        LifecycleTaskInProgress => "进行中", "In progress";
        LifecycleTaskAdvance => "下一步", "Next step";
        LifecycleTaskAdvanceFor => "{customer} 的任务进入下一步", "Move the task for {customer} to the next step";
        LifecycleTaskClose => "记录结果并结束", "Record outcome and close";
        LifecycleTaskCloseFor => "记录 {customer} 的任务结果并结束", "Record the outcome for {customer} and close the task";
        LifecycleOutcomeFor => "{customer} 的任务结果", "Outcome for {customer}";
        LifecycleStepFind => "寻找保持机会", "Find the opportunity";
        LifecycleStepStrategy => "选择策略", "Choose a strategy";
        LifecycleStepAct => "实施", "Act";
        LifecycleStepEvaluate => "评估", "Evaluate";
        LifecycleOutcomeRetained => "已保持", "Retained";
        LifecycleOutcomeLost => "未能挽留", "Lost despite the effort";
        LifecycleOutcomeNoResponse => "无回应", "No response";
        LifecycleMarkLost => "标记为流失", "Mark lost";
        LifecycleMarkLostFor => "将 {customer} 标记为流失", "Mark {customer} lost";
        LifecycleLostHeading => "将 {customer} 标记为流失", "Mark {customer} as lost";
        LifecycleLostKind => "流失类型", "Churn type";
        LifecycleLostCause => "流失原因", "Cause";
        LifecycleLostNote => "备注", "Note";
        LifecycleKindNatural => "主动流失：自然流失", "Active: natural";
        LifecycleKindChangedNeeds => "主动流失：需求变化", "Active: changed needs";
        LifecycleKindCompetition => "主动流失：竞争流失", "Active: competition";
        LifecycleKindFault => "主动流失：过失流失", "Active: our fault";
        LifecycleKindNonMalicious => "被动流失：非恶意", "Passive: non-malicious";
        LifecycleKindRetaliatory => "被动流失：报复性", "Passive: retaliatory";
        LifecycleKindMalicious => "被动流失：恶意", "Passive: malicious";
        LifecycleCauseManagement => "管理原因", "Management";
        LifecycleCauseMarketing => "营销原因", "Marketing";
        LifecycleCauseInnovation => "缺乏创新", "Lack of innovation";
        LifecycleCauseMarket => "市场变化", "Market change";
        LifecycleCauseArrogance => "店大欺客", "Arrogance";
        LifecycleCauseIntegrity => "诚信问题", "Integrity";
        LifecycleCausePolicy => "政策原因", "Policy";
        LifecycleCauseOther => "其他", "Other";
        LifecycleWinBackHeading => "流失客户挽救决策", "Win-back decisions";
        LifecycleWinBackRuleSummary => "决策规则", "The rule";
        LifecycleWinBackRule => "仅当 E(V) − V3 > C3 时挽救。E(V)：挽救后的预期终身价值；V3：不采取行动时的终身价值；C3：挽救成本（礼品、沟通、人工、折扣）。",
            "Win back only when E(V) − V3 > C3. E(V): the expected lifetime value if we try to win them back; V3: the lifetime value without action; C3: the win-back cost (gifts, communication, labour, discounts).";
        LifecycleWinBackAssumptions => "年均价值 A 为首次到最后一次消费期间每年的净消费。终身价值按 {years} 年计；V3 = {share} × A × 年数（已标记流失的客户为 0）；E(V) = V3 + 挽救成功率 {success} × （A × 年数 − V3）。",
            "Annual value A is net spend per year between the first and the last purchase. Lifetime counts {years} years; V3 = {share} × A × years (0 for a customer marked lost); E(V) = V3 + success rate {success} × (A × years − V3).";
        LifecycleWinBackCosts => "默认挽救成本 C3：重点客户 {key}，一般客户 {ordinary}，小客户 {small}，问题客户 {problem}。", "Default win-back cost C3: key {key}, ordinary {ordinary}, small {small}, problem {problem}.";
        LifecycleWinBackCandidates => "沉睡与流失客户", "Dormant and churned customers";
        LifecycleWinBackRecommended => "建议挽救", "Worth winning back";
        LifecycleWakeUpYear => "近一年唤醒率", "Wake-up rate, last year";
        LifecycleShownOf => "显示 {n} 位中的前 {shown} 位：建议挽救者在前，按 E(V) − V3 − C3 从高到低。", "The first {shown} of {n} shown: recommended first, by E(V) − V3 − C3, highest first.";
        LifecycleWinBackYes => "建议挽救", "Win back";
        LifecycleWinBackNo => "不值得挽救", "Not worth it";
        LifecycleTypeKey => "重点客户", "Key customer";
        LifecycleTypeOrdinary => "一般客户", "Ordinary customer";
        LifecycleTypeSmall => "小客户", "Small customer";
        LifecycleTypeProblem => "问题客户", "Problem customer";
        LifecycleStrategyKey => "店长或专属顾问一对一拜访，了解原因并给出个性化方案", "A manager's or personal adviser's one-to-one visit to learn why, with a personal offer";
        LifecycleStrategyOrdinary => "通过偏好渠道发送定向优惠并电话回访", "A targeted offer through their preferred channel and a follow-up call";
        LifecycleStrategySmall => "自动化短信或微信提醒，控制成本", "An automated text or WeChat reminder, kept cheap";
        LifecycleStrategyProblem => "先解决遗留问题与投诉；恶意客户不予优惠", "Settle open issues and complaints first; no discounts for bad faith";
        LifecycleBackTestHeading => "预警回测", "Warning back-test";
        LifecycleBackTestHint => "以 {from} 的数据计算预警（阈值 {threshold}），对照截至 {to} 的实际流失。", "Warnings computed from the data of {from} (threshold {threshold}), checked against what happened up to {to}.";
        LifecycleBackTestCustomers => "当时的活跃客户", "Active customers then";
        LifecycleBackTestWarned => "当时预警", "Warned then";
        LifecycleBackTestLapsed => "此后流失", "Lapsed since";
        LifecycleBackTestHits => "预警且流失", "Warned and lapsed";
        LifecyclePrecision => "精确率", "Precision";
        LifecycleRecall => "召回率", "Recall";
        LifecycleBackTestHelpSummary => "指标含义", "What the figures mean";
        LifecycleBackTestHelp => "流失：此后再无消费，或被标记流失。精确率 = 预警且流失 ÷ 预警数；召回率 = 预警且流失 ÷ 流失数。提高阈值通常提高精确率、降低召回率。", "Lapsed: no purchase since, or marked lost. Precision = warned and lapsed ÷ warned; recall = warned and lapsed ÷ lapsed. A higher threshold usually raises precision and lowers recall.";
        LifecycleBackTestCurve => "不同阈值下的精确率与召回率", "Precision and recall at other thresholds";
    }
    Loyalty {
        LoyaltyPlanTiers => "会员等级与升降级规则，按消费金额累积积分、奖励积分、兑换与过期。",
            "Tiers with upgrade and downgrade rules; points per amount spent, bonus points, redemption and expiry.";
        LoyaltyPlanLedger => "积分流水：每次变动都有记录，余额即流水之和；人工调整必须填写原因。",
            "The points ledger: every change is an entry, the balance is their sum, and a manual adjustment needs a reason.";
        LoyaltyPlanCare => "各等级会员权益，以及生日、节日和纪念日关怀任务。", "Benefits per tier, and birthday, holiday and anniversary care tasks.";
        LoyaltyPlanFigures => "计划指标：各等级会员数、积分发放/兑换/未兑余额、兑换率，以及会员与非会员复购率对比。",
            "Programme figures: members per tier, points issued, redeemed and outstanding, redemption rate, and members' repurchase rate against non-members'.";
        LoyaltyReady => "{members} 名会员、{ledger} 条积分流水、{care} 项关怀任务已可使用。",
            "{members} {members|member|members}, {ledger} points ledger {ledger|entry|entries} and {care} care {care|task|tasks} ready.";
    }
    Complaints {
        ComplaintsViewsLabel => "投诉处理视图", "Complaint views";
        ComplaintsTabList => "投诉列表", "Complaint list";
        ComplaintsTabNew => "登记投诉", "File a complaint";
        ComplaintsTabDashboard => "分析看板", "Dashboard";
        ComplaintsTabImprovements => "改进跟踪", "Improvements";
        ComplaintsActingAs => "当前操作人", "Acting as";
        ComplaintsActingNobody => "请选择你的姓名", "Choose your name";
        ComplaintsActingHint => "请先在页面顶部的“当前操作人”中选择你的姓名，这样每一步处理都会记下是谁做的。",
            "Pick your name under “Acting as” at the top first, so that every step records who took it.";
        ComplaintsNotReady => "数据尚未载入，无法保存。", "The data is not loaded yet, so nothing can be saved.";
        ComplaintsSaveFailed => "没有保存：{reason}", "Not saved: {reason}";
        ComplaintsStatusReceived => "已受理", "Received";
        ComplaintsStatusAcknowledged => "已确认", "Acknowledged";
        ComplaintsStatusInvestigating => "调查中", "Investigating";
        ComplaintsStatusResolved => "已解决", "Resolved";
        ComplaintsStatusClosed => "已关闭", "Closed";
        ComplaintsSeverityP1 => "P1 紧急", "P1 critical";
        ComplaintsSeverityP2 => "P2 严重", "P2 major";
        ComplaintsSeverityP3 => "P3 一般", "P3 moderate";
        ComplaintsSeverityP4 => "P4 轻微", "P4 minor";
        ComplaintsChannelHotline => "服务热线", "Hotline";
        ComplaintsChannelOnline => "线上", "Online";
        ComplaintsChannelInPerson => "前台当面", "In person at the desk";
        ComplaintsChannelBox => "意见箱", "Complaint box";
        ComplaintsChannelSocial => "社交媒体", "Social media";
        ComplaintsCategoryAttitude => "服务态度", "Service attitude";
        ComplaintsCategoryQuality => "服务质量", "Service quality";
        ComplaintsCategoryPrice => "价格与消费", "Price and billing";
        ComplaintsCategoryCommunication => "沟通与信息传递", "Communication and information";
        ComplaintsCategoryProduct => "产品", "Product";
        ComplaintsCategoryOther => "其他", "Other";
        ComplaintsSlaOnTime => "按时", "On time";
        ComplaintsSlaAtRisk => "即将超时", "At risk";
        ComplaintsSlaBreached => "已超时", "Breached";
        ComplaintsSlaMet => "已达标", "Met";
        ComplaintsSlaMissed => "超时完成", "Missed";
        ComplaintsAgeUnderDay => "不足 1 天", "Under 1 day";
        ComplaintsAgeOneToThree => "1–3 天", "1–3 days";
        ComplaintsAgeThreeToSeven => "3–7 天", "3–7 days";
        ComplaintsAgeWeekToMonth => "7–30 天", "7–30 days";
        ComplaintsAgeOverMonth => "30 天以上", "30 days or more";
        ComplaintsActAcknowledge => "确认受理", "Acknowledge";
        ComplaintsActInvestigate => "开始调查", "Start investigation";
        ComplaintsActResolve => "标记为已解决", "Mark resolved";
        ComplaintsActClose => "关闭投诉", "Close the complaint";
        ComplaintsActReopen => "重新打开", "Reopen";
        ComplaintsDurationDays => "{days} 天 {hours} 小时", "{days} d {hours} h";
        ComplaintsDurationHours => "{hours} 小时 {minutes} 分钟", "{hours} h {minutes} min";
        ComplaintsDurationMinutes => "{minutes} 分钟", "{minutes} min";
        ComplaintsUnassigned => "未指派", "Unassigned";
        ComplaintsListHeading => "全部投诉", "All complaints";
        ComplaintsFiltersLabel => "筛选条件", "Filters";
        ComplaintsFilterStatus => "按状态筛选", "Filter by status";
        ComplaintsFilterOwner => "按负责人筛选", "Filter by owner";
        ComplaintsFilterSla => "按处理时限筛选", "Filter by SLA";
        ComplaintsFilterAll => "全部", "All";
        ComplaintsFilterOpen => "未解决（受理、确认、调查中）", "Open (received, acknowledged, investigating)";
        ComplaintsListCaption => "共 {count} 条投诉，最新的在前。", "{count} {count|complaint|complaints}, newest first.";
        ComplaintsListCaptionCapped => "共 {count} 条投诉，显示最新的 {shown} 条。", "{count} {count|complaint|complaints}; the newest {shown} shown.";
        ComplaintsColId => "编号", "No.";
        ComplaintsColReceived => "受理时间", "Received at";
        ComplaintsColCustomer => "客户", "Customer";
        ComplaintsColCategory => "类别", "Category";
        ComplaintsColSeverity => "严重程度", "Severity";
        ComplaintsColStatus => "状态", "Status";
        ComplaintsColOwner => "负责人", "Owner";
        ComplaintsColAge => "已等待", "Age";
        ComplaintsColDue => "处理时限", "Due";
        ComplaintsColSla => "时限状态", "SLA";
        ComplaintsIntakeHeading => "登记新投诉", "File a new complaint";
        ComplaintsIntakeHint => "按姓名或电话查找客户；找不到时可当场新建客户档案。", "Find the customer by name or phone; if they are not on file, create them on the spot.";
        ComplaintsCustomerLegend => "投诉客户", "Who is complaining";
        ComplaintsSearchLabel => "查找客户（姓名或电话）", "Find a customer (name or phone)";
        ComplaintsSearchResults => "查找结果", "Search results";
        ComplaintsSearchCount => "找到 {count} 位客户（最多显示 8 位）。", "{count} {count|customer|customers} found (at most 8 shown).";
        ComplaintsChosen => "已选择：{name}", "Chosen: {name}";
        ComplaintsChangeCustomer => "更换客户", "Change customer";
        ComplaintsNewCustomer => "新建客户", "New customer";
        ComplaintsSearchInstead => "改为查找已有客户", "Find an existing customer instead";
        ComplaintsNewName => "新客户姓名", "New customer's name";
        ComplaintsNewPhone => "新客户手机号", "New customer's phone";
        ComplaintsMember => "会员", "Member";
        ComplaintsNotMember => "非会员", "Not a member";
        ComplaintsMembership => "会员身份", "Loyalty membership";
        ComplaintsPointsBalance => "积分余额", "Points balance";
        ComplaintsChannelLabel => "投诉渠道", "Channel";
        ComplaintsCategoryLabel => "投诉类别", "Complaint category";
        ComplaintsSeverityLabel => "严重程度（P1 最紧急）", "Severity (P1 most urgent)";
        ComplaintsChoose => "请选择", "Choose…";
        ComplaintsStayLabel => "相关入住（该客户最近的入住）", "Stay concerned (the customer's recent stays)";
        ComplaintsPurchaseLabel => "相关消费（该客户最近的消费）", "Purchase concerned (the customer's recent purchases)";
        ComplaintsNoLink => "不关联", "None";
        ComplaintsNights => "{count} 晚", "{count} {count|night|nights}";
        ComplaintsItems => "{count} 件", "{count} {count|item|items}";
        ComplaintsDescriptionLabel => "投诉内容", "What happened";
        ComplaintsRequestLabel => "客户诉求", "What the customer asks for";
        ComplaintsOwnerLabel => "负责员工", "Responsible staff member";
        ComplaintsFileButton => "登记投诉并打开详情", "File the complaint and open it";
        ComplaintsErrSummary => "表单有 {count} 处需要修改，请查看各字段下方的说明。", "The form has {count} {count|problem|problems}; see the notes under the fields.";
        ComplaintsErrCustomer => "请查找并选择客户，或新建客户。", "Find and choose a customer, or create one.";
        ComplaintsErrUnknownCustomer => "客户 #{id} 不存在。", "Customer #{id} does not exist.";
        ComplaintsErrName => "请填写新客户的姓名。", "Enter the new customer's name.";
        ComplaintsErrPhoneEmpty => "请填写手机号。", "Enter a phone number.";
        ComplaintsErrPhoneCharacters => "手机号只能包含数字、空格、横线、括号和开头的 +。", "A phone number may contain only digits, spaces, dashes, brackets and a leading +.";
        ComplaintsErrPhoneLength => "手机号有 {digits} 位数字；中国大陆手机号应为 11 位，其他号码为 7–15 位。", "The number has {digits} {digits|digit|digits}; a Chinese mobile has 11, other numbers 7 to 15.";
        ComplaintsErrPhoneTaken => "客户 #{id} 已使用此手机号：请查找并选择该客户，避免重复建档。", "Customer #{id} already has this phone number: find and choose them instead of creating a duplicate.";
        ComplaintsErrChannel => "请选择投诉渠道。", "Choose the channel.";
        ComplaintsErrCategory => "请选择投诉类别。", "Choose the category.";
        ComplaintsErrSeverity => "请选择严重程度。", "Choose the severity.";
        ComplaintsErrTransaction => "所选记录不属于该客户。", "That record is not this customer's.";
        ComplaintsErrDescription => "请描述投诉内容。", "Describe what happened.";
        ComplaintsErrUnknownComplaint => "这条投诉不存在。", "This complaint does not exist.";
        ComplaintsErrPointsMembers => "只有会员才能获得积分补偿：该客户不是会员，请选择其他补偿方式。", "Only loyalty members can be compensated with points: this customer is not a member, so choose another compensation.";
        ComplaintsErrTransition => "投诉不能从“{from}”变为“{to}”。", "A complaint cannot go from “{from}” to “{to}”.";
        ComplaintsErrReason => "请填写客户不满意的原因。", "Give the customer's reason for not being satisfied.";
        ComplaintsErrNote => "备注不能为空。", "The note is empty.";
        ComplaintsErrSolution => "请填写解决方案。", "Describe the solution.";
        ComplaintsErrRootCause => "请选择根本原因。", "Choose the root cause.";
        ComplaintsErrCompensation => "补偿必须是大于零的金额或积分，代金券需要说明。", "Compensation must be an amount or points above zero, and a voucher needs a description.";
        ComplaintsErrScore => "请选择 1–5 分。", "Choose a score from 1 to 5.";
        ComplaintsErrNotResolved => "投诉解决之后才能记录回访满意度。", "Satisfaction is recorded after the complaint is resolved.";
        ComplaintsErrSameOwner => "该员工已是负责人。", "That staff member already owns it.";
        ComplaintsNotFound => "找不到投诉 #{id}。", "There is no complaint #{id}.";
        ComplaintsBackToList => "返回投诉列表", "Back to the complaint list";
        ComplaintsDetailHeading => "投诉 #{id}", "Complaint #{id}";
        ComplaintsLinked => "相关记录", "Stay or purchase concerned";
        ComplaintsSolutionLabel => "解决方案", "Solution";
        ComplaintsRootCauseLabel => "根本原因", "Root cause";
        ComplaintsCompensationLegend => "补偿", "Compensation";
        ComplaintsCompNone => "无补偿", "No compensation";
        ComplaintsCompMoney => "现金或退款", "Money or refund";
        ComplaintsCompVoucher => "代金券", "Voucher";
        ComplaintsCompPoints => "会员积分", "Loyalty points";
        ComplaintsCompMoneyText => "金额 {amount}", "money, {amount}";
        ComplaintsCompVoucherText => "代金券：{voucher}", "voucher: {voucher}";
        ComplaintsCompPointsText => "{points} 积分", "{points} {points|point|points}";
        ComplaintsPointsMembersOnly => "积分补偿通过会员积分流水发放，仅限会员；该客户不是会员。", "Points are credited through the loyalty ledger, so only members can get them; this customer is not a member.";
        ComplaintsAmountLabel => "金额（元）", "Amount (whole units, up to 2 decimals)";
        ComplaintsPointsLabel => "积分数", "Number of points";
        ComplaintsVoucherLabel => "代金券说明", "Voucher description";
        ComplaintsSlaCaption => "处理时限（SLA）", "Service-level targets (SLA)";
        ComplaintsSlaClock => "时限", "Target";
        ComplaintsSlaDone => "完成时间", "Done at";
        ComplaintsSlaFirstResponse => "首次响应", "First response";
        ComplaintsSlaResolution => "解决", "Resolution";
        ComplaintsWorkflowHeading => "处理", "Handling";
        ComplaintsAssignButton => "指派", "Assign";
        ComplaintsNextSteps => "可执行的下一步", "Next steps";
        ComplaintsResolveHeading => "解决投诉", "Resolve the complaint";
        ComplaintsReopenHeading => "客户不满意：重新打开", "Customer not satisfied: reopen";
        ComplaintsReopenReason => "客户不满意的原因", "Why the customer is not satisfied";
        ComplaintsCsatHeading => "回访", "Follow-up";
        ComplaintsCsatLegend => "客户满意度（1–5 分）", "Customer satisfaction (1–5)";
        ComplaintsCsatScore => "{score} 分", "{score} / 5";
        ComplaintsCsatReason => "客户的意见（{threshold} 分及以下时必填，作为重新打开的原因）", "The customer's words (required for a score of {threshold} or less: the reason to reopen)";
        ComplaintsCsatButton => "记录回访评分", "Record the follow-up score";
        ComplaintsNoteHeading => "添加备注", "Add a note";
        ComplaintsNoteLabel => "备注内容", "Note";
        ComplaintsNoteButton => "保存备注", "Save the note";
        ComplaintsHistoryHeading => "处理记录", "History";
        ComplaintsEvReceived => "登记投诉", "Complaint received";
        ComplaintsEvStatus => "状态：{from} → {to}", "Status: {from} → {to}";
        ComplaintsEvAssigned => "指派给 {name}", "Assigned to {name}";
        ComplaintsEvNote => "备注：{text}", "Note: {text}";
        ComplaintsEvCompensated => "补偿：{what}", "Compensation: {what}";
        ComplaintsEvLedger => "（已记入积分流水 #{id}）", "(credited to the points ledger, entry #{id})";
        ComplaintsEvReopened => "重新打开：{reason}", "Reopened: {reason}";
        ComplaintsEvSatisfaction => "回访满意度：{score}/5", "Follow-up satisfaction: {score}/5";
        ComplaintsDashNowHeading => "当前情况", "Right now";
        ComplaintsDashSpeedHeading => "速度、投诉率与满意度", "Speed, complaint rate and satisfaction";
        ComplaintsFigOpen => "未解决投诉", "Open complaints";
        ComplaintsFigBreached => "已超时（未解决）", "Breached now";
        ComplaintsFigAtRisk => "即将超时", "At risk now";
        ComplaintsFigResolved => "已解决（含已关闭）", "Resolved (incl. closed)";
        ComplaintsFigTotal => "投诉总数", "All complaints ever";
        ComplaintsByAgeCaption => "未解决投诉的等待时长", "Open complaints by age";
        ComplaintsByOwnerCaption => "各负责人的未解决投诉", "Open complaints by owner";
        ComplaintsFigFirstMean => "平均首次响应时间", "Mean time to first response";
        ComplaintsFigFirstP90 => "首次响应时间（90 分位）", "90th percentile, first response";
        ComplaintsFigResolveMean => "平均解决时间", "Mean time to resolution";
        ComplaintsFigResolveP90 => "解决时间（90 分位）", "90th percentile, resolution";
        ComplaintsRatePerCustomers => "每百位客户投诉数（近 90 天）", "Complaints per 100 customers (90 days)";
        ComplaintsRatePerStays => "每百次入住投诉数（近 90 天）", "Complaints per 100 stays (90 days)";
        ComplaintsRatePerPurchases => "每百笔消费投诉数（近 90 天）", "Complaints per 100 purchases (90 days)";
        ComplaintsRateBasisStays => "入住", "stays";
        ComplaintsRateBasisPurchases => "消费", "purchases";
        ComplaintsRateNote => "投诉率：{from} 至 {to} 共 {complaints} 条投诉；同期有{basis}的客户 {customers} 位，{basis}共 {transactions} 次。",
            "Complaint rate: {from} to {to}, {complaints} {complaints|complaint|complaints}; {customers} {customers|customer|customers} with {basis} in that time, {transactions} {basis} in all.";
        ComplaintsFigCsatMean => "解决后平均满意度（1–5）", "Mean satisfaction after resolution (1–5)";
        ComplaintsFigCsatSatisfied => "满意（4–5 分）占比", "Share satisfied (4–5)";
        ComplaintsFigCsatResponses => "回访评分数", "Follow-up scores recorded";
        ComplaintsTimesNote => "响应和解决时间按自然时间（从受理起）计算，采用最近秩法计算 90 分位；是否超时按处理时限设置中的服务时间判断。",
            "Response and resolution times are wall-clock time from receipt; the 90th percentile uses the nearest-rank method. Whether a complaint breached its SLA is judged in the service hours of the SLA settings.";
        ComplaintsParetoCategories => "投诉类别排序（帕累托）", "Categories ranked (Pareto)";
        ComplaintsParetoCategoriesAlt => "投诉类别帕累托图：柱为投诉数，折线为累计占比；数据见下表。", "Pareto chart of categories: bars are complaints, the line the cumulative share; the table below has the numbers.";
        ComplaintsParetoCauses => "根本原因排序（帕累托）", "Root causes ranked (Pareto)";
        ComplaintsParetoCausesAlt => "根本原因帕累托图：柱为投诉数，折线为累计占比；数据见下表。", "Pareto chart of root causes: bars are complaints, the line the cumulative share; the table below has the numbers.";
        ComplaintsRank => "排名", "Rank";
        ComplaintsParetoItem => "项目", "Item";
        ComplaintsParetoCount => "投诉数", "Complaints";
        ComplaintsParetoShare => "占比", "Share";
        ComplaintsParetoCumulative => "累计占比", "Cumulative share";
        ComplaintsImpAddHeading => "新增整改措施", "Add an improvement action";
        ComplaintsImpHint => "针对根本原因制定措施、指定负责人和完成日期，避免同类问题再次发生。看板上的根本原因排序可作参考。",
            "For a root cause, set an action, an owner and a due date so the same problem does not recur. The ranked root causes on the dashboard show where to start.";
        ComplaintsImpActionLabel => "整改措施内容", "Action";
        ComplaintsImpDueLabel => "完成期限", "Due date";
        ComplaintsImpAddButton => "添加措施", "Add the action";
        ComplaintsImpListHeading => "整改措施清单", "Actions against root causes";
        ComplaintsImpEmpty => "还没有整改措施。", "No improvement action yet.";
        ComplaintsImpActions => "操作", "Actions";
        ComplaintsImpOpen => "进行中", "In progress";
        ComplaintsImpOverdue => "已逾期", "Overdue";
        ComplaintsImpDoneOn => "已于 {date} 完成", "Done on {date}";
        ComplaintsImpMarkDone => "标记完成", "Mark done";
        ComplaintsImpMarkDoneFor => "标记完成：{action}", "Mark done: {action}";
        ComplaintsErrImpCause => "请填写根本原因。", "Name the root cause.";
        ComplaintsErrImpAction => "请填写整改措施。", "Say what will be done.";
        ComplaintsErrImpDue => "请选择完成期限。", "Choose a due date.";
        ComplaintsErrImpUnknown => "这项措施不存在。", "This action does not exist.";
        ComplaintsErrImpDone => "这项措施已经完成。", "This action is already done.";
        ComplaintsTabSettings => "投诉设置", "Complaint settings";
        ComplaintsSetIntro => "经理在此设置各级别的 SLA 时限、服务时间、超时提醒、低分规则和根本原因清单。保存后立即对所有投诉生效。",
            "Managers set the SLA per severity, the service hours, the at-risk warning, the low-score rule and the root-cause list here. Saved settings apply to every complaint at once.";
        ComplaintsSetSlaHeading => "SLA 时限", "SLA targets";
        ComplaintsSetSlaCaption => "各严重程度的首次响应与解决时限（“天”指营业日）", "First response and resolution targets per severity (days are business days)";
        ComplaintsSetFirstResponse => "首次响应时限", "Time to first response";
        ComplaintsSetResolution => "解决时限", "Time to resolution";
        ComplaintsSetAmountLabel => "{severity}：{target}（数值）", "{severity}: {target}";
        ComplaintsSetUnitLabel => "{severity}：{target}（单位）", "{severity}: {target} (unit)";
        ComplaintsSetUnitMinutes => "分钟", "minutes";
        ComplaintsSetUnitHours => "小时", "hours";
        ComplaintsSetUnitDays => "天", "days";
        ComplaintsSetHoursHeading => "服务时间（SLA 计时时段）", "Service hours (when SLA clocks run)";
        ComplaintsSetHoursFollow => "跟随业态（酒店 24/7，零售按营业时间）", "Follow the business kind (hotel 24/7, retail working hours)";
        ComplaintsSetHoursAllDay => "24/7 全天候", "24/7";
        ComplaintsSetHoursWorking => "仅营业时间", "Working hours only";
        ComplaintsSetInEffectAllDay => "当前生效：24/7 全天候。", "In effect now: 24/7.";
        ComplaintsSetInEffectWorking => "当前生效：营业时间 {days} {open}–{close}。", "In effect now: working hours, {days} {open}–{close}.";
        ComplaintsSetDaysLegend => "营业日", "Working days";
        ComplaintsSetMon => "周一", "Monday";
        ComplaintsSetTue => "周二", "Tuesday";
        ComplaintsSetWed => "周三", "Wednesday";
        ComplaintsSetThu => "周四", "Thursday";
        ComplaintsSetFri => "周五", "Friday";
        ComplaintsSetSat => "周六", "Saturday";
        ComplaintsSetSun => "周日", "Sunday";
        ComplaintsSetOpen => "开门时间", "Opening time";
        ComplaintsSetClose => "关门时间", "Closing time";
        ComplaintsSetRulesHeading => "提醒与规则", "Warnings and rules";
        ComplaintsSetAtRisk => "即将超时：剩余时间少于（%）", "At risk when less than this share of the time remains (%)";
        ComplaintsSetThreshold => "低分：此分及以下（1–5 分制）", "Low score: at or below (1–5 scale)";
        ComplaintsSetLowAction => "收到低分时", "On a low score";
        ComplaintsSetLowReopen => "重新打开投诉，回到调查", "Reopen the complaint for investigation";
        ComplaintsSetLowEscalate => "升级给经理亲自跟进", "Escalate to a manager";
        ComplaintsSetEscalateTo => "升级给", "Escalate to";
        ComplaintsSetFirstManager => "员工名单中的第一位经理", "The first manager on the staff list";
        ComplaintsSetRecentDays => "近期投诉标记天数（流失预警）", "Mark customers as recently complained for (days)";
        ComplaintsSetFollowUpDays => "处理后回访：解决后第几天（0 为当天）", "Follow-up call: days after resolution (0 = same day)";
        ComplaintsSetErrFollowUpDays => "请输入 0 到 30 之间的天数。", "Enter a number of days from 0 to 30.";
        ComplaintsFollowUpLabel => "处理后回访", "Follow-up call";
        ComplaintsFollowUpOpen => "{date} 前由 {staff} 回访，询问满意度", "Due {date}: {staff} asks for a satisfaction score";
        ComplaintsFollowUpDone => "已于 {date} 完成（{note}）", "Done on {date} ({note})";
        ComplaintsSetCausesHeading => "根本原因清单", "Root-cause list";
        ComplaintsSetCausesHint => "解决投诉时从此清单中选择根本原因。改动在保存后生效。", "The resolve form offers these causes. Changes apply once saved.";
        ComplaintsSetNewCause => "新的根本原因", "New root cause";
        ComplaintsSetAddCause => "添加原因", "Add the cause";
        ComplaintsSetRemove => "删除", "Remove";
        ComplaintsSetRemoveCause => "删除：{cause}", "Remove: {cause}";
        ComplaintsSetSave => "保存投诉设置", "Save complaint settings";
        ComplaintsSetReset => "恢复默认值", "Reset to defaults";
        ComplaintsSetResetTitle => "恢复默认的投诉设置？", "Reset the complaint settings to the defaults?";
        ComplaintsSetResetBody => "SLA 时限、服务时间、规则和根本原因清单都将恢复为默认值并立即保存。已有投诉的记录不变。",
            "The SLA targets, service hours, rules and root-cause list go back to the defaults and are saved at once. Existing complaints keep their records.";
        ComplaintsSetCancel => "取消", "Cancel";
        ComplaintsSetSaved => "投诉设置已保存。", "Complaint settings saved.";
        ComplaintsSetResetDone => "已恢复默认的投诉设置并保存。", "The default complaint settings are restored and saved.";
        ComplaintsSetInvalid => "没有保存：请修改下方标出的问题。", "Not saved: fix the problems marked below.";
        ComplaintsSetErrPositive => "请输入正整数。", "Enter a positive whole number.";
        ComplaintsSetErrOrder => "解决时限不能短于首次响应时限。", "The time to resolution cannot be shorter than the time to first response.";
        ComplaintsSetErrNoDays => "请至少选择一个营业日。", "Choose at least one working day.";
        ComplaintsSetErrOpenClose => "开门时间必须早于关门时间。", "The opening time must be before the closing time.";
        ComplaintsSetErrAtRisk => "请输入 1 到 99 之间的整数。", "Enter a whole number from 1 to 99.";
        ComplaintsSetErrThreshold => "请输入 1 到 4 之间的整数。", "Enter a whole number from 1 to 4.";
        ComplaintsSetErrRecentDays => "请输入至少 1 天。", "Enter at least 1 day.";
        ComplaintsSetErrNoCauses => "请至少保留一个根本原因。", "Keep at least one root cause.";
        ComplaintsSetErrCauseEmpty => "请输入根本原因。", "Type a root cause.";
        ComplaintsSetErrCauseDuplicate => "清单中已有这个原因。", "This cause is already on the list.";
    }
    Surveys {
        SurveysIntro => "CSAT 为 1–5 分，显示平均分及满意（4–5 分）占比；NPS 为推荐者（9–10 分）占比减去贬损者（0–6 分）占比，被动者为 7–8 分。",
            "CSAT is 1–5, shown as the average and the share satisfied (4–5). NPS is the share of promoters (9–10) minus the share of detractors (0–6); passives score 7–8.";
        SurveysRecordHeading => "记录一份调查", "Record a survey";
        SurveysSearchLabel => "查找客户（姓名或电话）", "Find the customer (name or phone)";
        SurveysSearchCount => "找到 {count} 位客户", "{count} {count|customer|customers} found";
        SurveysSearchResults => "查找结果", "Search results";
        SurveysChosen => "客户：{name}", "Customer: {name}";
        SurveysChange => "换一位客户", "Choose another customer";
        SurveysOutletLabel => "门店或酒店", "Store or hotel";
        SurveysOutletHome => "客户常去的门店或酒店", "The customer's home store or hotel";
        SurveysCsatLabel => "满意度 CSAT（1–5 分）", "Satisfaction, CSAT (1–5)";
        SurveysNpsLabel => "推荐意愿 NPS（0–10 分）", "Likelihood to recommend, NPS (0–10)";
        SurveysNotAnswered => "未回答", "Not answered";
        SurveysCommentLabel => "客户留言", "Customer's comment";
        SurveysSubmit => "保存调查", "Save the survey";
        SurveysRecorded => "已保存调查 #{id}。", "Survey #{id} saved.";
        SurveysActingHint => "尚未选择操作人员：记录仍会保存，但不会注明是谁操作的。可在页首选择你的名字。",
            "No staff member is chosen: records are still saved, but without who made them. Pick your name at the top of the page.";
        SurveysErrCustomer => "请先选择客户。", "Choose a customer first.";
        SurveysErrUnknownCustomer => "该客户不存在。", "This customer does not exist.";
        SurveysErrOutlet => "该门店或酒店不存在。", "This store or hotel does not exist.";
        SurveysErrNoScore => "请至少填写一项评分。", "Give at least one score.";
        SurveysErrCsat => "满意度为 1 到 5 分。", "CSAT is 1 to 5.";
        SurveysErrNps => "推荐意愿为 0 到 10 分。", "NPS is 0 to 10.";
        SurveysErrComplaint => "该投诉不属于这位客户。", "That complaint is not this customer's.";
        SurveysErrSummary => "表单有 {count} 处问题。", "The form has {count} {count|problem|problems}.";
        SurveysSaveFailed => "未能保存：{reason}", "Not saved: {reason}";
        SurveysNotReady => "数据尚未载入，无法保存。", "The data is not loaded yet, so nothing can be saved.";
        SurveysFiguresHeading => "满意度指标", "Satisfaction figures";
        SurveysPeriodLabel => "统计周期", "Period";
        SurveysPeriodDays => "近 {days} 天", "Last {days} days";
        SurveysPeriodNote => "{start} 至 {end}；上一期 {previous_start} 至 {previous_end}。", "{start} to {end}; previous period {previous_start} to {previous_end}.";
        SurveysByOutlet => "按门店或酒店", "By store or hotel";
        SurveysBySegment => "按客户细分（RFM）", "By customer segment (RFM)";
        SurveysColGroup => "分组", "Group";
        SurveysColAnswers => "答卷", "Answers";
        SurveysColNps => "净推荐值", "NPS";
        SurveysColPromoters => "推荐者", "Promoters";
        SurveysColPassives => "被动者", "Passives";
        SurveysColDetractors => "贬损者", "Detractors";
        SurveysColCsat => "满意度平均分", "CSAT average";
        SurveysColSatisfied => "满意占比", "Satisfied";
        SurveysColPrevious => "上一期净推荐值", "NPS, previous period";
        SurveysAll => "全部", "All";
        SurveysNoOutlet => "未注明门店", "No store given";
        SurveysNoSegment => "无细分（窗口内无消费）", "No segment (no purchase in the window)";
        SurveysTrendHeading => "月度趋势", "Monthly trend";
        SurveysTrendChart => "近 12 个月的净推荐值：{values}", "NPS over the last 12 months: {values}";
        SurveysColMonth => "月份", "Month";
        SurveysDetractorsHeading => "贬损者留言与回访", "Detractors' comments and call-backs";
        SurveysDetractorsHint => "本期推荐意愿为 0–6 分的客户，最新的在前。答卷之后与该客户的任何沟通记录都算作已回访。",
            "Customers who scored 0–6 in this period, newest first. Any contact logged with the customer after the survey counts as the call-back.";
        SurveysColDate => "答卷时间", "Answered";
        SurveysColCustomer => "客户", "Customer";
        SurveysColScore => "推荐意愿", "Score";
        SurveysColComment => "留言", "Comment";
        SurveysColCallBack => "回访", "Call-back";
        SurveysCalledBack => "已回访", "Called back";
        SurveysNoDetractors => "本期没有贬损者。", "No detractors in this period.";
        SurveysNoComment => "（无留言）", "(no comment)";
        SurveysMoreDetractors => "另有 {count} 条较早的记录未列出。", "{count} older {count|entry is|entries are} not listed.";
        SurveysImportHeading => "导入调查（CSV）", "Import surveys (CSV)";
        SurveysImportHint => "支持问卷工具导出的 UTF-8 CSV：需要手机号或客户编号、日期，以及满意度或推荐意愿；留言和门店可选。先预览，全部无误才会导入。",
            "A survey tool's CSV export in UTF-8: a phone or customer id, a date, and CSAT or NPS; comment and store are optional. It is previewed first and imported only if every row is right.";
        SurveysImportFile => "选择 CSV 文件", "Choose a CSV file";
        SurveysImportReadFailed => "无法读取该文件：{reason}", "The file could not be read: {reason}";
        SurveysImportPreview => "预览：{rows} 行可导入，{errors} 处问题。", "Preview: {rows} {rows|row|rows} ready, {errors} {errors|problem|problems}.";
        SurveysImportButton => "导入 {rows} 份调查", "Import {rows} {rows|survey|surveys}";
        SurveysImportDone => "已导入 {rows} 份调查。", "{rows} {rows|survey|surveys} imported.";
        SurveysImportBlocked => "文件有问题，未导入任何内容。请修正后重新选择文件。", "The file has problems, so nothing was imported. Fix them and choose the file again.";
        SurveysImportErrors => "问题清单", "Problems found";
        SurveysImportRows => "可导入的行", "Rows ready to import";
        SurveysImportColRow => "行号", "Line";
        SurveysImportColColumn => "列", "Column";
        SurveysImportColValue => "值", "Value";
        SurveysImportColReason => "原因", "Reason";
        SurveysColumnCustomerId => "客户编号", "customer_id";
        SurveysColumnPhone => "手机号", "phone";
        SurveysColumnDate => "日期", "date";
        SurveysColumnCsat => "满意度", "csat";
        SurveysColumnNps => "推荐意愿", "nps";
        SurveysColumnComment => "留言列", "comment";
        SurveysColumnOutlet => "门店", "outlet";
        SurveysReasonEmpty => "文件没有表头或没有数据行。", "The file has no header or no data rows.";
        SurveysReasonMissingColumn => "缺少必需的列。", "A required column is missing.";
        SurveysReasonDuplicateColumn => "有两列表示同一内容。", "Two columns mean the same thing.";
        SurveysReasonNoCustomer => "既没有客户编号也没有手机号。", "Neither a customer id nor a phone number.";
        SurveysReasonUnknownCustomer => "没有此编号的客户。", "No customer has this id.";
        SurveysReasonInvalidPhone => "手机号格式不正确。", "Not a valid phone number.";
        SurveysReasonUnknownPhone => "没有使用此手机号的客户。", "No customer has this phone number.";
        SurveysReasonMismatch => "客户编号与手机号属于不同客户。", "The id and the phone belong to different customers.";
        SurveysReasonInvalidDate => "无法识别的日期。", "Not a date this import understands.";
        SurveysReasonFutureDate => "日期在今天之后。", "The date is after today.";
        SurveysReasonNotANumber => "不是整数评分。", "Not a whole-number score.";
        SurveysReasonUnknownOutlet => "没有这个名称或编号的门店或酒店。", "No store or hotel has this name or id.";
        SurveysReasonDuplicate => "这份答卷已导入过，或在文件中重复。", "This answer is already recorded, or repeated in the file.";
        SurveysReasonUnreadable => "无法读取：{detail}", "Cannot be read: {detail}";
    }
    Today {
        TodayNav => "今日待办", "Today";
        TodayIntro => "{date} 需要处理的事项：到期或逾期的回访和关怀任务、临近或超过时限的投诉，以及待回访的贬损者。",
            "What needs doing on {date}: follow-ups and care tasks due or overdue, complaints near or past their SLA, and detractors to call back.";
        TodayCount => "共 {count} 项", "{count} {count|item|items}";
        TodayEmpty => "今天没有待办事项。", "Nothing to do today.";
        TodayListLabel => "待办事项", "Things to do";
        TodayKindComplaintFollowUp => "投诉 #{id} 处理后回访：请客户为处理结果打分", "Follow-up call on complaint #{id}: ask for a satisfaction score";
        TodayKindFollowUp => "回访", "Follow-up";
        TodayKindBirthday => "生日关怀", "Birthday greeting";
        TodayKindAnniversary => "周年关怀", "Anniversary greeting";
        TodayKindHoliday => "节日问候", "Holiday greeting";
        TodayKindTierChange => "会员等级变更祝贺", "Tier change congratulations";
        TodayKindWinBack => "流失挽回", "Win-back call";
        TodayKindComplaintAtRisk => "投诉即将超时", "Complaint near its SLA";
        TodayKindComplaintBreached => "投诉已超时", "Complaint past its SLA";
        TodayKindCallBack => "贬损者回访（推荐意愿 {score} 分）", "Detractor call-back (scored {score})";
        TodayOverdue => "逾期", "Overdue";
        TodayDueDay => "到期：{date}", "Due {date}";
        TodayDueAt => "时限：{time}", "Due by {time}";
        TodayAnswered => "答卷时间：{time}", "Answered {time}";
        TodayNoteLabel => "备注（可选）", "Note (optional)";
        TodayOutcomeLabel => "回访结果", "Call outcome";
        TodayOutcomePositive => "满意", "Positive";
        TodayOutcomeNeutral => "一般", "Neutral";
        TodayOutcomeNegative => "不满意", "Negative";
        TodayOutcomeNoAnswer => "未接通", "No answer";
        TodayComplete => "标记完成", "Mark done";
        TodayLogCallBack => "记录回访", "Log the call-back";
        TodayOpenComplaint => "打开投诉 #{id}", "Open complaint #{id}";
        TodayDone => "已完成并保存。", "Done and saved.";
        TodayFailed => "未能保存：{reason}", "Not saved: {reason}";
        TodayGone => "此事项已不存在或已完成。", "This item no longer exists or is done already.";
        TodayNotReady => "数据尚未载入，无法保存。", "The data is not loaded yet, so nothing can be saved.";
        TodayDeletedCustomer => "（已删除的客户）", "(deleted customer)";
        TodayCustomerLink => "客户：{name}", "Customer: {name}";
    }
    Settings {
        SettingsStorageHeading => "存储空间", "Storage space";
        SettingsStorageUsage => "本应用在此浏览器中使用了 {used}，浏览器允许的上限约为 {quota}。", "This app uses {used} in this browser, of about {quota} the browser allows.";
        SettingsStoragePersisted => "浏览器已承诺保留这些数据，空间紧张时不会自动清除。", "The browser has promised to keep this data: it will not clear it when space runs low.";
        SettingsStorageNotPersisted => "浏览器没有承诺保留这些数据：磁盘空间紧张时可能被清除。", "The browser has not promised to keep this data: it may clear it when the disk runs low on space.";
        SettingsStorageUnknown => "此浏览器不报告存储空间的使用情况。", "This browser does not report how much storage is used.";
        SettingsStorageBackup => "所有数据只保存在这个浏览器里，清除浏览数据或更换电脑都会失去它们：请定期下载完整备份。", "All data is kept only in this browser; clearing browsing data or changing computers loses it. Download a full backup regularly.";
        SettingsLanguageHeading => "界面语言", "Interface language";
        SettingsLanguageHint => "选择会保存在此浏览器中。", "The choice is remembered in this browser.";
        SettingsDataHeading => "数据集", "Data set";
        SettingsLoadedHotelDemo => "当前载入的是酒店演示数据（虚构记录）。", "The hotel demo data set (made-up records) is loaded.";
        SettingsLoadedRetailDemo => "当前载入的是零售演示数据（虚构记录）。", "The retail demo data set (made-up records) is loaded.";
        SettingsLoadedOwn => "当前是你自己的数据。", "Your own data is loaded.";
        SettingsLoadedEmpty => "当前数据集是空的。", "The data set is empty.";
        SettingsBusiness => "业态", "Business";
        SettingsBusinessHotel => "酒店", "Hotel";
        SettingsBusinessRetail => "零售", "Retail";
        SettingsStorage => "存储位置", "Storage";
        SettingsStorageIdb => "此浏览器的 IndexedDB（刷新后仍在）", "This browser's IndexedDB (survives a reload)";
        SettingsStorageMemory => "仅内存（刷新后丢失）", "Memory only (lost on reload)";
        SettingsCountsCaption => "各类记录数量", "Records per kind";
        SettingsCountsKind => "记录类型", "Kind of record";
        SettingsCountsNumber => "数量", "Count";
        SettingsReplaceHeading => "更换数据", "Replace the data";
        SettingsReplaceHint => "以下每个操作都会替换当前的全部数据，且无法撤销。", "Each of these replaces all current data and cannot be undone.";
        SettingsLoadHotel => "载入酒店演示数据", "Load hotel demo";
        SettingsLoadRetail => "载入零售演示数据", "Load retail demo";
        SettingsStartEmpty => "从空白开始", "Start empty";
        SettingsConfirmHotel => "载入酒店演示数据？", "Load the hotel demo data set?";
        SettingsConfirmRetail => "载入零售演示数据？", "Load the retail demo data set?";
        SettingsConfirmEmpty => "清空数据，从空白开始？", "Clear the data and start empty?";
        SettingsConfirmBody => "当前的全部数据（共 {records} 条记录，其中客户档案 {customers} 份）将被替换，且无法撤销。",
            "All current data ({records} {records|record|records}, {customers} of them customer {customers|profile|profiles}) will be replaced. This cannot be undone.";
        SettingsConfirmReplace => "替换数据", "Replace data";
        SettingsCancel => "取消", "Cancel";
        SettingsWorking => "正在替换数据…", "Replacing the data…";
        SettingsDone => "数据已替换。", "The data has been replaced.";
        SettingsReplaceFailed => "数据未被替换：{reason}", "The data was not replaced: {reason}";
        SettingsLockedByError => "已保存的数据目前无法读取。为保护这些数据，替换操作已停用；请先重新加载页面。",
            "The stored data cannot be read at the moment. To protect it, replacing it is disabled; reload the page first.";
    }
    Data {
        DataOutlets => "门店或酒店", "Stores or hotels";
        DataOutletsHotel => "酒店", "Hotels";
        DataOutletsRetail => "门店", "Stores";
        DataCategories => "品类或房型", "Categories or room types";
        DataCategoriesHotel => "房型", "Room types";
        DataCategoriesRetail => "商品品类", "Product categories";
        DataCustomers => "客户档案", "Customer profiles";
        DataTransactions => "消费或入住记录", "Purchases or stays";
        DataTransactionsHotel => "入住记录", "Stays";
        DataTransactionsRetail => "消费记录", "Purchases";
        DataInteractions => "沟通记录", "Contact records";
        DataFollowUps => "回访任务", "Follow-ups";
        DataComplaints => "投诉", "Complaints";
        DataSurveys => "调查答卷", "Survey responses";
        DataLoyaltyAccounts => "会员账户", "Loyalty accounts";
        DataLedger => "积分流水", "Points ledger entries";
        DataCareTasks => "关怀任务", "Care tasks";
        DataImprovementActions => "整改措施", "Improvement actions";
        DataRetentionTasks => "客户保持任务", "Retention tasks";
        DataAudit => "审计日志", "Audit log entries";
        DataSettings => "设置", "Settings";
    }
    Exchange {
        ExchangeNav => "导入与备份", "Import & backup";
        ExchangeIntro => "从 CSV 或 Excel 文件导入客户和消费（入住）记录，导出客户名单，下载完整备份并在任何浏览器中恢复。所有处理都在此浏览器中完成，文件不会上传。",
            "Import customers and purchases (or stays) from CSV or Excel files, export customer lists, and download a full backup to restore in any browser. Everything happens in this browser; no file is uploaded.";
        ExchangeImportHeading => "导入", "Import";
        ExchangeFile => "选择文件（.csv、.txt 或 .xlsx）", "Choose a file (.csv, .txt or .xlsx)";
        ExchangeEncoding => "文本编码", "Text encoding";
        ExchangeEncodingAuto => "自动识别（UTF-8 或 GBK/GB18030）", "Detect (UTF-8 or GBK/GB18030)";
        ExchangeEncodingUtf8 => "UTF-8 编码", "UTF-8";
        ExchangeEncodingGb => "GBK / GB18030（中文 Excel 导出）", "GBK / GB18030 (Chinese Excel exports)";
        ExchangeTarget => "导入内容", "What the file holds";
        ExchangeTargetCustomers => "客户档案", "Customer profiles";
        ExchangeTargetTransactions => "消费或入住记录", "Purchases or stays";
        ExchangeSheet => "工作表", "Worksheet";
        ExchangeMatch => "按手机号、邮箱或客户编号匹配已有客户，不重复创建", "Match existing customers by phone, e-mail or customer id instead of creating duplicates";
        ExchangeReading => "正在读取文件…", "Reading the file…";
        ExchangeFileFacts => "文件 {file}：{rows} 行数据，{columns} 列。", "File {file}: {rows} {rows|data row|data rows}, {columns} {columns|column|columns}.";
        ExchangeDetectedUtf8 => "编码：UTF-8。", "Encoding: UTF-8.";
        ExchangeDetectedGb => "编码：GBK/GB18030。", "Encoding: GBK/GB18030.";
        ExchangeDetectedMixed => "编码：混合（{unicode} 行 UTF-8，{gb} 行 GBK/GB18030），已逐行解码。", "Encoding: mixed ({unicode} UTF-8 lines, {gb} GBK/GB18030 lines), decoded line by line.";
        ExchangeNoHeader => "文件没有表头行，列的含义按内容猜测。", "The file has no header row; columns were guessed from their values.";
        ExchangeMappingHeading => "列对应", "Column mapping";
        ExchangeMappingHint => "已按表头自动猜测，可逐列修改。", "Guessed from the headers; change any column.";
        ExchangeColumn => "文件中的列", "Column in the file";
        ExchangeSample => "示例值", "Example value";
        ExchangeFieldFor => "“{column}”对应的字段", "Field for “{column}”";
        ExchangeFieldHeader => "导入为", "Imports as";
        ExchangeIgnore => "（不导入）", "(not imported)";
        ExchangeMissing => "缺少必需的列：{fields}", "Required columns missing: {fields}";
        ExchangePreviewHeading => "预览（前 {n} 行）", "Preview (first {n} {n|row|rows})";
        ExchangeRowNumber => "行号", "Row";
        ExchangeValidate => "检查全部行", "Check all rows";
        ExchangeValidating => "正在检查：{done} / {total} 行", "Checking: {done} of {total} rows";
        ExchangeProgressLabel => "导入进度", "Import progress";
        ExchangeSummaryHeading => "检查结果", "Check result";
        ExchangeSummary => "共 {rows} 行：{valid} 行有效，{invalid} 行有错误（{errors} 处）。", "{rows} {rows|row|rows}: {valid} valid, {invalid} with errors ({errors} {errors|problem|problems}).";
        ExchangeWillCreate => "将新建客户 {customers} 位，匹配已有客户 {matched} 次（更新 {updated} 位），新建消费记录 {transactions} 条，新建门店 {outlets} 个，新建品类 {categories} 个。",
            "Will create {customers} {customers|customer|customers}, match existing customers {matched} {matched|time|times} (updating {updated}), create {transactions} {transactions|transaction|transactions}, {outlets} {outlets|store|stores} and {categories} {categories|category|categories}.";
        ExchangeErrorsHeading => "错误明细", "Row errors";
        ExchangeErrorsShown => "显示前 {shown} 处，共 {total} 处。完整清单请下载。", "Showing the first {shown} of {total}. Download the full list.";
        ExchangeReportColumn => "列", "Column";
        ExchangeReportValue => "值", "Value";
        ExchangeReportReason => "原因", "Reason";
        ExchangeDownloadReport => "下载错误清单（CSV）", "Download the error list (CSV)";
        ExchangeCommit => "导入 {n} 行有效数据", "Import {n} {n|valid row|valid rows}";
        ExchangeCancel => "取消", "Cancel";
        ExchangeCommitting => "正在写入…", "Saving…";
        ExchangeImported => "已导入：新建客户 {customers} 位，新建消费记录 {transactions} 条。", "Imported: {customers} {customers|customer|customers} and {transactions} {transactions|transaction|transactions} created.";
        ExchangeStale => "检查之后数据已经变化（可能在其他标签页中），没有写入任何内容。请重新检查。", "The data changed after the check (perhaps in another tab), so nothing was written. Please check again.";
        ExchangeFailed => "没有写入任何内容：{reason}", "Nothing was written: {reason}";
        ExchangeNothingValid => "没有可导入的有效行。", "There are no valid rows to import.";
        ExchangeFileEmpty => "文件是空的。", "The file is empty.";
        ExchangeFileWorkbook => "无法读取此 Excel 文件（可能已损坏或不是 .xlsx）：{detail}", "This Excel file cannot be read (damaged, or not .xlsx): {detail}";
        ExchangeFileNoSheet => "工作簿中没有工作表。", "The workbook has no worksheet.";
        ExchangeFileNoSuchSheet => "工作簿中没有名为 {name} 的工作表。", "The workbook has no worksheet named {name}.";
        ExchangeFileTooLarge => "文件太大，无法在浏览器中处理。", "The file is too large to process in the browser.";
        ExchangeFileUnreadable => "浏览器无法读取此文件。", "The browser could not read this file.";
        ExchangeProblemMissing => "必填，不能为空", "Required, but empty";
        ExchangeProblemTooLong => "内容过长（最多 {max} 个字符）", "Too long (at most {max} characters)";
        ExchangeProblemUndecodable => "含有无法解码的字符，请检查文本编码", "Holds characters that cannot be decoded; check the text encoding";
        ExchangeProblemBadDate => "不是有效日期（例如 2024-03-05 或 20240305）", "Not a valid date (such as 2024-03-05 or 20240305)";
        ExchangeProblemInFuture => "日期晚于今天", "The date is after today";
        ExchangeProblemBadAmount => "不是有效金额", "Not a valid amount";
        ExchangeProblemBadQuantity => "不是有效数量（非负整数）", "Not a valid quantity (a whole number, not negative)";
        ExchangeProblemBadPhone => "手机号无效：{reason}", "Invalid phone number: {reason}";
        ExchangeProblemPhoneEmpty => "没有数字", "it has no digits";
        ExchangeProblemPhoneCharacters => "含有数字、空格、横线、括号或开头的 + 以外的字符", "it has characters other than digits, spaces, dashes, brackets or a leading +";
        ExchangeProblemPhoneLength => "共 {n} 位数字，中国手机号应为 11 位，其他号码 7 到 15 位", "it has {n} digits; a Chinese mobile has 11, other numbers 7 to 15";
        ExchangeProblemBadEmail => "邮箱格式无效（应为 名称@域名）", "Invalid e-mail address (expected name@domain)";
        ExchangeProblemUnknownValue => "无法识别的取值", "Not a value this field knows";
        ExchangeProblemNoCustomer => "没有客户编号、手机号或邮箱，无法对应客户", "No customer id, phone or e-mail to find the customer by";
        ExchangeFieldCustomerId => "客户编号", "Customer id";
        ExchangeFieldName => "姓名", "Name";
        ExchangeFieldNameLatin => "拼音或英文名", "Latin name";
        ExchangeFieldPhone => "手机", "Phone";
        ExchangeFieldEmail => "邮箱", "E-mail";
        ExchangeFieldGender => "性别", "Gender";
        ExchangeFieldBirthday => "生日", "Birthday";
        ExchangeFieldCity => "城市", "City";
        ExchangeFieldStore => "门店", "Store";
        ExchangeFieldSignup => "注册日期", "Sign-up date";
        ExchangeFieldTags => "标签", "Tags";
        ExchangeFieldNotes => "备注", "Notes";
        ExchangeFieldDate => "日期", "Date";
        ExchangeFieldAmount => "消费金额", "Amount";
        ExchangeFieldQuantity => "数量", "Quantity";
        ExchangeFieldCategory => "品类", "Category";
        ExchangeFieldChannel => "渠道", "Channel";
        ExchangeMale => "男", "Male";
        ExchangeFemale => "女", "Female";
        ExchangeExportHeading => "导出客户", "Export customers";
        ExchangeExportHint => "CSV 为带 BOM 的 UTF-8，Excel 可直接打开中文；以 = + - @ 开头的单元格会加上单引号，防止被当作公式执行。",
            "CSV is UTF-8 with a byte-order mark so Excel shows Chinese correctly; cells starting with = + - @ get a leading apostrophe so they are never run as formulas.";
        ExchangeExportCsv => "导出全部客户（CSV）", "Export all customers (CSV)";
        ExchangeExportXlsx => "导出全部客户（Excel）", "Export all customers (Excel)";
        ExchangeExportFailed => "导出失败：{reason}", "The export failed: {reason}";
        ExchangeBackupHeading => "完整备份", "Full backup";
        ExchangeBackupHint => "备份文件包含全部数据和审计日志，并带有校验和。", "The backup file holds all data and the audit log, with a checksum.";
        ExchangeBackupDownload => "下载完整备份", "Download a full backup";
        ExchangeBackupWorking => "正在生成备份…", "Writing the backup…";
        ExchangeBackupDone => "已生成备份，校验和 {checksum}。", "Backup written, checksum {checksum}.";
        ExchangeChecksumButton => "计算当前数据的校验和", "Compute the current data's checksum";
        ExchangeChecksum => "当前数据校验和（SHA-256）", "Current data checksum (SHA-256)";
        ExchangeRestoreHeading => "从备份恢复", "Restore from a backup";
        ExchangeRestoreHint => "先检查备份文件（版本、校验和、数据完整性），再显示将替换的内容；确认后一次性替换全部数据。",
            "The backup is checked first (version, checksum, integrity), then you see what it will replace; once confirmed, all data is replaced in one step.";
        ExchangeRestoreFile => "选择备份文件", "Choose a backup file";
        ExchangeRestoreValid => "备份有效：创建于 {created}，校验和 {checksum}。", "The backup is valid: written {created}, checksum {checksum}.";
        ExchangeRestoreCaption => "恢复后各类记录数量", "Records per kind, now and after the restore";
        ExchangeRestoreKind => "记录类型", "Kind of record";
        ExchangeRestoreBefore => "当前", "Now";
        ExchangeRestoreAfter => "恢复后", "After";
        ExchangeRestoreButton => "恢复此备份", "Restore this backup";
        ExchangeRestoreConfirmTitle => "用备份替换全部数据？", "Replace all data with the backup?";
        ExchangeRestoreConfirmBody => "当前的全部数据和审计日志将被备份中的内容替换，且无法撤销。", "All current data and the audit log will be replaced by the backup's, and this cannot be undone.";
        ExchangeRestoreConfirm => "恢复", "Restore";
        ExchangeRestoring => "正在恢复…", "Restoring…";
        ExchangeRestored => "已从备份恢复。", "Restored from the backup.";
        ExchangeRestoreFailed => "没有恢复任何内容：{reason}", "Nothing was restored: {reason}";
        ExchangeBackupNotABackup => "这不是本应用的备份文件。", "This is not a backup file of this app.";
        ExchangeBackupTooNew => "备份来自更新版本的应用（格式版本 {found}，本版本最高支持 {supported}）。", "The backup comes from a newer version of the app (format version {found}; this version reads up to {supported}).";
        ExchangeBackupChecksum => "校验和不一致：文件已损坏或被修改。", "The checksum does not match: the file is damaged or was changed.";
        ExchangeBackupDamaged => "备份中的数据无法读取：{detail}", "The backup's data cannot be read: {detail}";
        ExchangeBackupIntegrity => "备份中的数据不一致：{detail}", "The backup's data is inconsistent: {detail}";
        ExchangeBackupWrite => "无法生成备份：{detail}", "The backup could not be written: {detail}";
    }
    NotFound {
        NotFoundTitle => "找不到此页面", "Page not found";
        NotFoundBody => "地址 {path} 不对应任何页面。", "The address {path} does not lead to any page.";
        NotFoundBack => "返回首页", "Back to the home page";
    }
    Errors {
        ErrorsUnavailable => "浏览器不允许使用本地数据库（IndexedDB），可能处于隐私浏览模式，或存储已被禁用。详情：{detail}",
            "The browser does not allow the local database (IndexedDB), perhaps because of private browsing or disabled storage. Details: {detail}";
        ErrorsBlocked => "另一个标签页正以旧版本打开本应用的数据库。请关闭其他打开本应用的标签页，然后重新加载。",
            "Another tab is using an older version of this app's database. Close the other tabs with this app open, then reload.";
        ErrorsTooNew => "已保存的数据来自更新版本的应用（数据库版本 {found}，本版本最高支持 {supported}）。请用最新版本的应用打开。",
            "The stored data was written by a newer version of the app (database version {found}; this version understands up to {supported}). Open it with the latest version of the app.";
        ErrorsQuota => "浏览器的存储空间已满，本次修改没有保存任何内容。请释放磁盘空间或清理其他网站的数据后重试。",
            "The browser's storage is full, so nothing of this change was saved. Free some disk space or clear other sites' data, then try again.";
        ErrorsCorrupt => "已保存的“{collection}”数据已损坏，无法读取。详情：{detail}",
            "The stored “{collection}” data is damaged and cannot be read. Details: {detail}";
        ErrorsInvalidChange => "这次修改自相矛盾，因此没有写入任何内容（这是应用的缺陷，请反馈）。详情：{detail}",
            "This change contradicts itself, so nothing was written (a bug in the app; please report it). Details: {detail}";
        ErrorsFailed => "存储操作失败：{detail}", "Storage failed: {detail}";
        ErrorsInternal => "内部错误：缺少 {name}。请重新加载页面。", "Internal error: {name} is missing. Please reload the page.";
    }
}
