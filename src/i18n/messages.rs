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
        SegmentsPlanRfm => "RFM 分析（最近消费、消费频率、消费金额）：按五分位给出 1–5 分，并以热力图展示。",
            "RFM analysis (recency, frequency, monetary): scores 1–5 by quintile, shown as a heat map.";
        SegmentsPlanNamed => "11 个命名客户群：冠军客户、忠诚客户、潜在忠诚客户、新客户、有潜力客户、需要关注、即将沉睡、高风险客户、不能失去的客户、休眠客户、已流失客户。",
            "11 named segments: Champions, Loyal, Potential Loyalist, New, Promising, Need Attention, About to Sleep, At Risk, Can't Lose Them, Hibernating, Lost.";
        SegmentsPlanTiers => "客户分层（战略级、成长级、基础级、沉睡级）与消费等级（钻石、黄金、白银、沉睡），也可手动调整等级。",
            "Value tiers (strategic, growth, basic, dormant) and spend grades (Diamond, Gold, Silver, Dormant), with manual overrides.";
        SegmentsPlanPareto => "客户价值矩阵（平均消费额 × 消费频率）与帕累托曲线（前 20% 客户贡献的营收占比）。",
            "The customer value matrix (average spend × frequency) and the Pareto curve (revenue share of the top 20%).";
        SegmentsPlanClv => "客户终身价值（CLV）：历史价值，以及用 BG/NBD 与 Gamma-Gamma 模型预测的未来价值。",
            "Customer lifetime value (CLV): historical, and predicted with the BG/NBD and Gamma-Gamma models.";
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
        ComplaintsPlanLog => "投诉登记：类别（服务态度、服务质量、价格与消费、沟通与信息传递、产品、其他）、渠道和严重程度。",
            "Logging a complaint: category (service attitude, service quality, price and billing, communication, product, other), channel and severity.";
        ComplaintsPlanFlow => "处理流程：受理 → 确认 → 调查 → 解决 → 回访 → 关闭，客户不满意可重新打开；每一步都留痕，并按严重程度计算处理时限（SLA）。",
            "The flow received → acknowledged → investigating → resolved → follow-up → closed, reopened when the customer is not satisfied; every step recorded, with an SLA due time per severity.";
        ComplaintsPlanAnalysis => "分析：未结投诉账龄、超时投诉、类别帕累托排序、根本原因与改进措施、解决时长和解决后满意度。",
            "Analysis: open complaints by age, SLA breaches, categories ranked (Pareto), root causes and improvement actions, time to resolve and satisfaction after resolution.";
        ComplaintsReady => "{complaints} 条投诉记录（其中 {open} 条尚未解决）已可使用。",
            "{complaints} {complaints|complaint|complaints} ({open} open) ready.";
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
        DataAudit => "审计日志", "Audit log entries";
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
