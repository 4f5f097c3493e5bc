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
        HomeTitle => "数据概览", "Data overview";
        HomeIntro => "截至 {date}（营业地当日），以下数字由此浏览器中保存的数据实时计算。",
            "As of {date} (the business's local day), computed in this browser from the stored data.";
        HomeFiguresLabel => "关键数字", "Key figures";
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
        HomeHealthTitle => "客户健康度仪表盘", "Customer-health dashboard";
        HomeHealthNote => "NPS、复购率、客户保持率与流失预警等健康度指标将随其功能模块一起上线，目前尚未提供。",
            "NPS, repurchase rate, retention and churn warnings arrive with their module; they are not built yet.";
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
        LifecyclePlanStages => "每位客户所处的阶段：潜在、新客、成长、稳定、风险、沉睡、流失、赢回；判定阈值可在设置中调整。",
            "Each customer's stage: prospect, new, developing, loyal, at risk, dormant, churned, won back; the thresholds are settings.";
        LifecyclePlanFlows => "各阶段人数，以及客户在阶段之间的流转。", "Counts per stage, and how customers move between stages over time.";
        LifecyclePlanRetention => "客户保持率、绝对与相对客户流失率，以及按首次消费月份划分的同期群留存。",
            "Retention rate, absolute and value-weighted churn rates, and cohort retention by month of first purchase.";
        LifecyclePlanWarning => "客户流失预警：根据近期行为估算流失概率和可能原因，并按 E(V) − V3 > C3 给出挽救决策。",
            "Churn early warning: churn probability and a likely reason from recent behaviour, and the win-back decision E(V) − V3 > C3.";
    }
    Loyalty {
        LoyaltyViewsLabel => "会员忠诚度视图", "Loyalty views";
        LoyaltyTabDashboard => "计划看板", "Dashboard";
        LoyaltyTabMembers => "会员列表", "Members";
        LoyaltyTabEnrol => "办理入会", "Enrol";
        LoyaltyTabRewards => "兑换目录", "Rewards";
        LoyaltyTabCare => "关怀任务", "Care tasks";
        LoyaltyTabSettings => "计划设置", "Programme settings";
        LoyaltyActingHint => "请在页首选择当前操作人：人工调整积分必须记录操作人。", "Choose who is acting at the top of the page: a manual points adjustment records the staff member.";
        LoyaltyNotReady => "数据尚未载入，请稍后再试。", "The data has not loaded yet; try again in a moment.";
        LoyaltySaveFailed => "未能保存，数据没有改变。原因：{reason}", "Not saved; nothing was changed. Reason: {reason}";
        LoyaltySave => "保存", "Save";
        LoyaltySaved => "已保存。", "Saved.";
        LoyaltyTier => "会员等级", "Tier";
        LoyaltyBalance => "可用积分", "Points balance";
        LoyaltyMemberSince => "入会日期", "Member since";
        LoyaltyCardHeading => "会员卡", "Member card";
        LoyaltyNotMember => "该客户不是会员。", "This customer is not a member.";
        LoyaltyProgressText => "当前 {value}，还差 {needed} 升级为{tier}。", "{value} so far: {needed} more to reach {tier}.";
        LoyaltyTopTier => "已是最高等级。", "Already at the top tier.";
        LoyaltyExpiringText => "{points} 积分将于 {date} 起陆续到期。", "{points} points expire from {date}.";
        LoyaltyNothingExpiring => "近 90 天内没有积分到期。", "No points expire in the next 90 days.";
        LoyaltyBenefits => "等级权益", "Tier benefits";
        LoyaltyBenefitRoomUpgrade => "免费房型升级", "Room upgrade";
        LoyaltyBenefitLateCheckout => "延迟退房", "Late check-out";
        LoyaltyBenefitBreakfast => "预留心仪早餐", "Preferred breakfast reserved";
        LoyaltyBenefitStylist => "专属私人造型师", "Personal stylist";
        LoyaltyBenefitEvents => "每月主题会员活动", "Monthly themed events";
        LoyaltyBenefitBirthday => "生日礼遇", "Birthday gift";
        LoyaltyPointsValue => "{points} 积分", "{points} points";
        LoyaltyNightsValue => "{nights} 晚", "{nights} nights";
        LoyaltyBackToMembers => "返回会员列表", "Back to the members";
        LoyaltyEnrolHeading => "加入会员计划", "Enrol in the programme";
        LoyaltyEnrolButton => "立即入会", "Enrol now";
        LoyaltyBirthdayLabel => "生日", "Birthday";
        LoyaltyBirthdayHint => "档案中还没有生日：填写后可获得生日关怀和生日月奖励积分。", "The profile has no birthday yet: with one, the member gets birthday care and birthday-month bonus points.";
        LoyaltyConsentLabel => "客户同意接收会员关怀与问候", "The customer agrees to be contacted with member greetings";
        LoyaltyPurchaseHeading => "登记消费", "Record a purchase";
        LoyaltyAmountLabel => "金额（元）", "Amount";
        LoyaltyQuantityLabel => "件数", "Items";
        LoyaltyNightsLabel => "间夜数", "Nights";
        LoyaltyOutletLabel => "门店 / 酒店", "Store or property";
        LoyaltyCategoryLabel => "品类 / 房型", "Category or room type";
        LoyaltyRefundLabel => "这是退款（扣回积分）", "This is a refund (takes the points back)";
        LoyaltyPurchaseButton => "登记并累积积分", "Record and earn points";
        LoyaltyRedeemHeading => "兑换礼品", "Redeem a reward";
        LoyaltyRewardLabel => "礼品", "Reward";
        LoyaltyRewardOption => "{name}（{cost} 积分，{stock}）", "{name} ({cost} points, {stock})";
        LoyaltyUnlimited => "不限量", "unlimited";
        LoyaltyInStock => "库存 {n}", "{n} in stock";
        LoyaltyRedeemButton => "兑换", "Redeem";
        LoyaltyAdjustHeading => "人工调整积分", "Adjust points by hand";
        LoyaltyAdjustPoints => "调整积分（负数为扣减）", "Points (negative to deduct)";
        LoyaltyAdjustReason => "调整原因", "Reason for the adjustment";
        LoyaltyAdjustButton => "调整", "Adjust";
        LoyaltyLeaveHeading => "退出会员计划", "Leave the programme";
        LoyaltyLeaveHint => "退出后剩余积分作废，并记入积分流水。", "On leaving, the remaining points are forfeited, as an entry in the ledger.";
        LoyaltyLeaveButton => "办理退会", "Leave now";
        LoyaltyLedgerHeading => "积分流水", "Points ledger";
        LoyaltyTierHistory => "等级变动记录", "Tier changes";
        LoyaltyColDate => "日期", "Date";
        LoyaltyColKind => "类型", "Type";
        LoyaltyColPoints => "积分", "Points";
        LoyaltyColReason => "原因", "Reason";
        LoyaltyColStaff => "经办人", "Staff";
        LoyaltyColFrom => "原等级", "From";
        LoyaltyColTo => "新等级", "To";
        LoyaltyColValue => "达标值", "Qualifying value";
        LoyaltyColName => "姓名", "Name";
        LoyaltyColPhone => "电话", "Phone";
        LoyaltyColBirthday => "出生日期", "Date of birth";
        LoyaltyColSignup => "建档日期", "Signed up";
        LoyaltyColDue => "到期日", "Due";
        LoyaltyColMessage => "关怀话术", "Message";
        LoyaltyColAction => "操作", "Action";
        LoyaltyColMonth => "月份", "Month";
        LoyaltyColUp => "升级", "Upgrades";
        LoyaltyColDown => "降级", "Downgrades";
        LoyaltyColRedemptions => "兑换次数", "Redemptions";
        LoyaltyKindEarn => "消费积分", "Earned";
        LoyaltyKindBonus => "奖励积分", "Bonus";
        LoyaltyKindRedeem => "兑换", "Redeemed";
        LoyaltyKindExpire => "到期", "Expired";
        LoyaltyKindAdjust => "人工调整", "Adjusted";
        LoyaltyKindReverse => "退款扣回", "Reversed";
        LoyaltyReasonBirthday => "生日月奖励", "Birthday-month bonus";
        LoyaltyTierReasonQualified => "达到升级门槛，即时生效", "Reached the threshold; effective at once";
        LoyaltyTierReasonReview => "年度复核未达标", "Below the tier at the yearly review";
        LoyaltySearchLabel => "按姓名或电话搜索", "Search by name or phone";
        LoyaltyMembersHeading => "会员", "Member list";
        LoyaltyMembersFound => "{n} 名会员", "{n} {n|member|members}";
        LoyaltyEnrolListHeading => "尚未入会的客户", "Customers who are not members";
        LoyaltyEnrolListHint => "打开客户即可为其办理入会。", "Open a customer to enrol them.";
        LoyaltyCandidatesFound => "{n} 位客户", "{n} {n|customer|customers}";
        LoyaltyCareHeading => "今日及逾期关怀任务", "Care tasks due today and overdue";
        LoyaltyCareHint => "打开本页时会自动生成今天的生日、入会周年、节日和升级祝贺任务。", "Today's birthday, anniversary, holiday and upgrade tasks are made when this page opens.";
        LoyaltyCareCount => "{n} 项待办", "{n} {n|task|tasks} to do";
        LoyaltyCareToday => "今天", "today";
        LoyaltyCareOverdue => "已逾期", "overdue";
        LoyaltyCareDone => "完成", "Done";
        LoyaltyCareDoneFor => "完成对{name}的关怀", "Mark the care task for {name} done";
        LoyaltyCareBirthday => "生日关怀", "Birthday greeting";
        LoyaltyCareAnniversary => "入会周年", "Membership anniversary";
        LoyaltyCareHoliday => "节日问候", "Holiday greeting";
        LoyaltyCareTierChange => "升级祝贺", "Upgrade congratulations";
        LoyaltyCareWinBack => "挽回回访", "Win-back call";
        LoyaltyPointsHeading => "积分与会员", "Points and members";
        LoyaltyFigMembers => "会员数", "Active members";
        LoyaltyFigIssued => "累计发放积分", "Points issued";
        LoyaltyFigRedeemed => "已兑换积分", "Points redeemed";
        LoyaltyFigExpired => "已过期积分", "Points expired";
        LoyaltyFigOutstanding => "未兑余额", "Points outstanding";
        LoyaltyFigLiability => "积分负债（按每分价值）", "Liability at the value per point";
        LoyaltyFigRedemptionRate => "兑换率", "Redemption rate";
        LoyaltyFigMemberRepurchase => "会员复购率（近 12 个月）", "Members' repurchase rate (12 months)";
        LoyaltyFigNonMemberRepurchase => "非会员复购率（近 12 个月）", "Non-members' repurchase rate (12 months)";
        LoyaltyFiguresHint => "兑换率 = 已兑换 ÷ 累计发放；复购率 = 近 12 个月消费至少两次的客户 ÷ 近 12 个月有消费的客户。", "Redemption rate = redeemed ÷ issued; repurchase rate = customers who bought at least twice in 12 months ÷ customers who bought in 12 months.";
        LoyaltyTiersHeading => "各等级会员数", "Members per tier";
        LoyaltyTiersChart => "各等级会员数：{figures}", "Members per tier: {figures}";
        LoyaltyMovesHeading => "近 12 个月等级变动", "Tier moves, last 12 months";
        LoyaltyMovesText => "升 {up} / 降 {down}", "{up} up / {down} down";
        LoyaltyTopRewardsHeading => "热门兑换礼品", "Top rewards";
        LoyaltyRewardsHeading => "兑换目录", "Rewards catalogue";
        LoyaltyRewardsHint => "库存留空表示不限量；修改会记入审计日志。", "Leave the stock blank for unlimited; changes go to the audit log.";
        LoyaltyCostLabel => "所需积分", "Points cost";
        LoyaltyStockLabel => "库存", "Stock";
        LoyaltyStockHint => "留空表示不限量。", "Blank for unlimited.";
        LoyaltyTiersAllowed => "可兑换等级", "Tiers allowed";
        LoyaltyAllTiers => "全部等级", "All tiers";
        LoyaltyActiveLabel => "上架", "Available";
        LoyaltySaveRewardFor => "保存礼品 {name}", "Save reward {name}";
        LoyaltyRewardAddHeading => "新增礼品", "Add a reward";
        LoyaltyRewardAddButton => "添加", "Add";
        LoyaltySettingsHeading => "会员计划设置", "Loyalty programme settings";
        LoyaltyBasisLabel => "定级依据", "Qualify by";
        LoyaltyBasisSpend => "消费金额", "Spend";
        LoyaltyBasisPoints => "累计积分", "Points earned";
        LoyaltyBasisNights => "入住间夜", "Nights stayed";
        LoyaltyWindowLabel => "统计周期", "Counted over";
        LoyaltyWindowRolling => "滚动 12 个月", "Rolling 12 months";
        LoyaltyWindowCalendar => "自然年", "Calendar year";
        LoyaltyTierNameZh => "中文名称", "Chinese name";
        LoyaltyTierNameEn => "英文名称", "English name";
        LoyaltyThreshold => "升级门槛", "Threshold";
        LoyaltyEarnRate => "积分倍率（%，100 = 每元 1 分）", "Earning rate (%, 100 = 1 point per unit)";
        LoyaltyThresholdHint => "按消费金额定级时门槛以元为单位；第一个等级的门槛为 0。升级即时生效，降级只在年度复核日进行。", "With spend, thresholds are in whole currency units; the entry tier's is 0. Upgrades apply at once; downgrades only on the yearly review day.";
        LoyaltyReviewFixed => "在固定日期复核降级（否则在入会周年日）", "Review downgrades on a fixed date (else on the membership anniversary)";
        LoyaltyReviewMonth => "复核月份", "Review month";
        LoyaltyReviewDay => "复核日", "Review day";
        LoyaltyExpiryMonths => "积分有效期（月）", "Points expire after (months)";
        LoyaltyExpiryYearEnd => "到期顺延至当年年底", "Extend expiry to the end of that year";
        LoyaltyBirthdayBonus => "生日月额外积分（%）", "Birthday-month bonus (%)";
        LoyaltyPointValue => "每积分价值（分）", "Value of a point (minor units)";
        LoyaltyHolidayTier => "节日问候的最低等级（0 起）", "Holiday greetings from tier (from 0)";
        LoyaltyErrUnknownCustomer => "找不到该客户。", "This customer does not exist.";
        LoyaltyErrAlreadyMember => "该客户已是会员。", "This customer is already a member.";
        LoyaltyErrNotMember => "只有会员才能办理：该客户不是会员。", "Only members can do this: this customer is not a member.";
        LoyaltyErrAmount => "请输入大于 0 的金额。", "Enter an amount above 0.";
        LoyaltyErrNoOutlet => "还没有门店或酒店，无法登记消费。", "There is no store or property to record the purchase at.";
        LoyaltyErrNoCategory => "还没有品类或房型，无法登记消费。", "There is no category or room type to record the purchase under.";
        LoyaltyErrReason => "人工调整必须填写原因。", "An adjustment needs a reason.";
        LoyaltyErrStaff => "人工调整必须记录操作人：请在页首选择当前操作人。", "An adjustment records who made it: choose who is acting at the top of the page.";
        LoyaltyErrZero => "调整积分不能为 0。", "An adjustment must change the balance.";
        LoyaltyErrNotEnough => "积分不足：余额 {balance}，需要 {needed}。", "Not enough points: the balance is {balance}, {needed} needed.";
        LoyaltyErrUnknownReward => "目录中没有这个礼品，或已下架。", "This reward is not in the catalogue or is not available.";
        LoyaltyErrOutOfStock => "该礼品已无库存。", "This reward is out of stock.";
        LoyaltyErrTier => "该礼品不对此会员等级开放。", "This reward is not available to this tier.";
        LoyaltyErrUnknownTask => "找不到该关怀任务。", "This care task does not exist.";
        LoyaltyErrTaskDone => "该关怀任务已完成。", "This care task is already done.";
        LoyaltyErrNoTiers => "至少需要一个会员等级。", "The programme needs at least one tier.";
        LoyaltyErrTierName => "第 {n} 个等级需要中英文名称。", "Tier {n} needs a name in both languages.";
        LoyaltyErrEntryThreshold => "第一个等级的门槛必须为 0。", "The entry tier's threshold must be 0.";
        LoyaltyErrThresholdOrder => "第 {n} 个等级的门槛必须高于下一级。", "Tier {n}'s threshold must be above the tier below it.";
        LoyaltyErrEarnRate => "第 {n} 个等级的积分倍率必须大于 0。", "Tier {n}'s earning rate must be above 0.";
        LoyaltyErrExpiry => "积分有效期必须在 1 到 120 个月之间。", "Points must expire after 1 to 120 months.";
        LoyaltyErrReviewDate => "固定复核日期不是有效的日期。", "The fixed review date is not a day of the year.";
        LoyaltyErrPointValue => "每积分价值不能为负数。", "The value of a point cannot be negative.";
        LoyaltyErrReward => "礼品需要名称，且所需积分大于 0。", "A reward needs a name and a points cost above 0.";
        LoyaltyErrCampaign => "第 {n} 个活动需要名称，且结束日期不早于开始日期。", "Campaign {n} needs a name, and its end on or after its start.";
        LoyaltyErrHoliday => "第 {n} 个节日的日期或名称无效。", "Holiday {n} has an invalid date or no name.";
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
        SurveysPlanScores => "入住、消费和投诉处理之后的满意度调查：CSAT（1–5 分）与 NPS（0–10 分）。",
            "Surveys after stays, purchases and complaint resolution: CSAT (1–5) and NPS (0–10).";
        SurveysPlanNps => "NPS = 推荐者占比 − 贬损者占比（推荐者 9–10 分，贬损者 0–6 分）；NPS 低于 40 时提示整改。",
            "NPS = % promoters − % detractors (promoters 9–10, detractors 0–6), with a warning when NPS falls below 40.";
        SurveysPlanCompare => "按门店或酒店、时间段和调查场景对比满意度，并查看客户留言。",
            "Satisfaction compared by store or hotel, period and context, with customers' comments.";
        SurveysReady => "{surveys} 份调查答卷已可使用。", "{surveys} survey {surveys|response|responses} ready.";
    }
    Settings {
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
        DataAudit => "审计日志", "Audit log entries";
        DataSettings => "设置", "Settings";
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
