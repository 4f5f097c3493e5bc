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
        CustomersViewsLabel => "客户视图", "Customer views";
        CustomersTabList => "客户列表", "Customer list";
        CustomersTabFollowUps => "回访任务", "Follow-ups";
        CustomersTabDuplicates => "重复客户", "Duplicates";
        CustomersTabNew => "新建客户", "New customer";
        CustomersNotReady => "数据尚未载入，未保存任何内容。", "The data is not loaded yet; nothing was saved.";
        CustomersSaveFailed => "保存失败，数据未改变：{reason}", "Could not save; nothing was changed: {reason}";
        CustomersNotFound => "找不到该客户（可能已被删除或合并）。", "This customer cannot be found (it may have been deleted or merged).";
        CustomersListHeading => "客户档案", "Customer profiles";
        CustomersFiltersLabel => "筛选", "Filters";
        CustomersSearchLabel => "搜索", "Search";
        CustomersSearchPlaceholder => "姓名、拼音首字母、手机或邮箱", "Name, pinyin initials, phone or e-mail";
        CustomersFilterOutlet => "门店/酒店", "Store / hotel";
        CustomersFilterTag => "标签", "Tag";
        CustomersAll => "全部", "All";
        CustomersComputing => "正在计算客户细分，完成后可按客户群和价值分层筛选…", "Computing the segmentation; segment and tier filters become available when it is done…";
        CustomersComputingShort => "计算中…", "Computing…";
        CustomersListed => "共 {count} 位客户", "{count} {count|customer|customers} listed";
        CustomersColName => "姓名", "Name";
        CustomersColPhone => "手机", "Phone";
        CustomersColEmail => "邮箱", "E-mail";
        CustomersColCity => "城市", "City";
        CustomersColOutlet => "所属门店/酒店", "Home store / hotel";
        CustomersColTags => "标签", "Tags";
        CustomersColGrade => "等级", "Grade";
        CustomersColSegment => "客户群", "Segment";
        CustomersColTier => "价值分层", "Value tier";
        CustomersColSignup => "注册日期", "Signed up";
        CustomersSelectRow => "选择 {name}", "Select {name}";
        CustomersSelectAll => "选择列出的全部客户", "Select every listed customer";
        CustomersSelected => "已选 {count} 位客户", "{count} {count|customer|customers} selected";
        CustomersBulkLabel => "批量操作", "Bulk actions";
        CustomersBulkTag => "添加标签", "Add tag";
        CustomersBulkTagButton => "为所选客户添加标签", "Tag the selected customers";
        CustomersClearSelection => "取消选择", "Clear selection";
        CustomersTagged => "已为 {count} 位所选客户添加标签（已有该标签的不变）。", "Tagged {count} selected {count|customer|customers} (those who had the tag are unchanged).";
        CustomersDeletedNotice => "已删除客户“{name}”及 {count} 条关联记录。", "Deleted “{name}” and {count} linked {count|record|records}.";
        CustomersUndo => "撤销删除", "Undo delete";
        CustomersDismiss => "关闭", "Dismiss";
        CustomersTierStrategic => "战略级", "Strategic";
        CustomersTierGrowth => "成长级", "Growth";
        CustomersTierBasic => "基础级", "Basic";
        CustomersTierDormant => "沉睡级", "Dormant";
        CustomersGenderUnknown => "未填写", "Not stated";
        CustomersGenderFemale => "女", "Female";
        CustomersGenderMale => "男", "Male";
        CustomersSourceWalkIn => "到店", "Walk-in";
        CustomersSourceOnline => "线上", "Online";
        CustomersSourceMiniProgram => "小程序", "Mini-program";
        CustomersSourceReferral => "推荐", "Referral";
        CustomersSourceTravelAgency => "旅行社", "Travel agency";
        CustomersSourceCorporate => "协议单位", "Corporate";
        CustomersSourceEvent => "活动", "Event";
        CustomersChannelVisit => "上门拜访", "Visit";
        CustomersChannelPhone => "电话", "Phone call";
        CustomersChannelEmail => "邮件", "E-mail message";
        CustomersChannelWeChat => "微信", "WeChat";
        CustomersChannelInPerson => "当面", "In person";
        CustomersOutcomePositive => "积极", "Positive";
        CustomersOutcomeNeutral => "一般", "Neutral";
        CustomersOutcomeNegative => "消极", "Negative";
        CustomersOutcomeNoAnswer => "未接通", "No answer";
        CustomersReasonSamePhone => "手机号相同", "Same phone";
        CustomersReasonSameEmail => "邮箱相同", "Same e-mail";
        CustomersReasonSameNameBirthday => "姓名和生日相同", "Same name and birthday";
        CustomersReasonSimilarName => "姓名相近（如“张先生”与“张总”）", "Similar names (a surname with a title, such as Mr Zhang, and a full name)";
        CustomersFieldNameLatin => "拼音/英文名", "Romanised name";
        CustomersFieldGender => "性别", "Gender";
        CustomersFieldBirthday => "生日", "Birthday";
        CustomersFieldSource => "来源渠道", "Source channel";
        CustomersFieldManager => "客户经理", "Account manager";
        CustomersFieldConsent => "同意接收联系", "Consents to be contacted";
        CustomersFieldGradeOverride => "手动等级", "Grade set by hand";
        CustomersFieldNotes => "备注", "Notes";
        CustomersFieldTags => "标签（用逗号分隔）", "Tags (separated by commas)";
        CustomersGradeComputed => "按贡献自动计算", "Computed from contribution";
        CustomersGradeOverridden => "手动", "set by hand";
        CustomersNone => "无", "None";
        CustomersYes => "是", "Yes";
        CustomersNo => "否", "No";
        CustomersErrPhoneEmpty => "手机号没有数字。", "The phone number has no digits.";
        CustomersErrPhoneCharacters => "手机号只能包含数字、空格、短横线、括号和开头的 +。", "A phone number may only contain digits, spaces, dashes, brackets and a leading +.";
        CustomersErrPhoneLength => "手机号有 {digits} 位数字；中国手机号应为 11 位，其他号码 7 至 15 位。", "The phone number has {digits} {digits|digit|digits}; a Chinese mobile has 11, other numbers 7 to 15.";
        CustomersErrEmail => "邮箱格式不正确，应类似 name@example.com。", "The e-mail address should look like name@example.com.";
        CustomersErrName => "请填写姓名。", "Enter a name.";
        CustomersErrBirthdayInvalid => "生日不是有效日期。", "The birthday is not a valid date.";
        CustomersErrBirthdayFuture => "生日不能晚于今天。", "The birthday cannot be in the future.";
        CustomersErrUnknown => "客户 #{id} 不存在。", "Customer #{id} does not exist.";
        CustomersErrUnknownFollowUp => "该回访任务不存在。", "This follow-up does not exist.";
        CustomersErrAlreadyDone => "该回访任务已完成。", "This follow-up is already done.";
        CustomersErrSummary => "请填写沟通内容。", "Enter a summary of the contact.";
        CustomersErrFollowUpPast => "下次回访日期不能早于今天。", "The next follow-up cannot be before today.";
        CustomersErrNothingSelected => "没有选择客户。", "No customers are selected.";
        CustomersErrTag => "请填写标签。", "Enter a tag.";
        CustomersErrSameCustomer => "不能将客户与自己合并。", "A customer cannot be merged with itself.";
        CustomersErrAlreadyExists => "该客户编号已被占用，无法撤销。", "The customer's number is in use again; the deletion cannot be undone.";
        CustomersFormProblems => "表单有 {count} 处问题，请修改后再保存。", "The form has {count} {count|problem|problems}; correct and save again.";
        CustomersNewHeading => "新建客户档案", "New customer profile";
        CustomersEditHeading => "编辑客户档案", "Edit customer profile";
        CustomersSave => "保存", "Save";
        CustomersCancel => "取消", "Cancel";
        CustomersEdit => "编辑", "Edit";
        CustomersDelete => "删除", "Delete";
        CustomersDeleteTitle => "删除该客户？", "Delete this customer?";
        CustomersDeleteBody => "将删除“{name}”及其 {count} 条关联记录（消费、沟通、回访、投诉、调查、积分）。删除后可在客户列表中撤销。", "This deletes “{name}” and {count} linked {count|record|records} (purchases, contacts, follow-ups, complaints, surveys, points). You can undo it from the customer list.";
        CustomersClv => "预测终身价值", "Predicted CLV";
        CustomersPAlive => "活跃概率", "P(alive)";
        CustomersPoints => "积分余额", "Points balance";
        CustomersDetailsHeading => "详细资料", "Details";
        CustomersPreferencesHeading => "偏好", "Preferences";
        CustomersNoPreferences => "尚未记录偏好。", "No preferences recorded.";
        CustomersPrefRoomType => "房型", "Room type";
        CustomersPrefPillow => "枕头", "Pillow";
        CustomersPrefBreakfast => "早餐", "Breakfast";
        CustomersPrefFloor => "楼层", "Floor";
        CustomersPrefDiet => "饮食", "Diet";
        CustomersPrefSize => "尺码", "Size";
        CustomersPrefStyle => "风格", "Style";
        CustomersPrefOther => "其他", "Other";
        CustomersLogHeading => "记录沟通", "Log a contact";
        CustomersContactChannel => "沟通方式", "Channel";
        CustomersContactOutcome => "沟通结果", "Outcome";
        CustomersContactSummary => "沟通内容", "Summary";
        CustomersScheduleNext => "安排下次回访", "Schedule the next follow-up";
        CustomersNextDue => "回访日期", "Due";
        CustomersAssignee => "负责人", "Assignee";
        CustomersUnassigned => "未分配", "Unassigned";
        CustomersNextPurpose => "回访目的", "Purpose";
        CustomersLogButton => "保存沟通记录", "Save the contact";
        CustomersOpenFollowUps => "待办回访", "Scheduled follow-ups";
        CustomersNoOpenFollowUps => "没有待办回访。", "No follow-ups scheduled.";
        CustomersComplete => "完成", "Complete";
        CustomersCompleteFor => "完成对 {name} 的回访", "Complete the follow-up with {name}";
        CustomersAssignFor => "{name} 的回访负责人", "Assignee of the follow-up with {name}";
        CustomersTimelineHeading => "客户动态", "Timeline";
        CustomersTimelineCount => "共 {count} 条，按时间倒序。", "{count} {count|event|events}, newest first.";
        CustomersTimelineCapped => "共 {count} 条，按时间倒序显示最近 {shown} 条。", "{count} events; the newest {shown} are shown.";
        CustomersTlKindStay => "入住", "Stay";
        CustomersTlKindPurchase => "消费", "Purchase";
        CustomersTlKindContact => "沟通", "Contact";
        CustomersTlKindFollowUp => "回访", "Follow-up";
        CustomersTlKindComplaint => "投诉", "Complaint";
        CustomersTlKindSurvey => "调查", "Survey";
        CustomersTlKindPoints => "积分", "Points";
        CustomersTlStay => "入住 {nights} 晚，{amount}，{outlet}", "{nights} {nights|night|nights}, {amount}, {outlet}";
        CustomersTlPurchase => "{items} 件，{amount}，{outlet}", "{items} {items|item|items}, {amount}, {outlet}";
        CustomersTlRefund => "退款 {amount}，{outlet}", "Refund {amount}, {outlet}";
        CustomersHistoryHeading => "变更历史", "Change history";
        CustomersLoading => "正在读取…", "Loading…";
        CustomersNoHistory => "尚无变更记录（演示数据的初始记录不计入）。", "No changes recorded yet (the demo's initial records are not counted).";
        CustomersHistWhen => "时间", "When";
        CustomersHistWho => "操作人", "Who";
        CustomersHistAction => "操作", "Action";
        CustomersHistRecord => "记录", "Record";
        CustomersHistChanges => "改动", "Changes";
        CustomersAuditCreate => "新建", "Created";
        CustomersAuditUpdate => "修改", "Changed";
        CustomersAuditDelete => "删除", "Deleted";
        CustomersAuditMerge => "合并", "Merged";
        CustomersAuditImport => "导入", "Imported";
        CustomersAuditRestore => "恢复", "Restored";
        CustomersAuditExport => "导出", "Exported";
        CustomersAuditDemo => "载入演示数据", "Demo loaded";
        CustomersFollowUpsHeading => "回访任务（到期与逾期）", "Follow-ups due and overdue";
        CustomersFollowUpsCount => "共 {count} 项待办回访", "{count} open {count|follow-up|follow-ups}";
        CustomersDueState => "状态", "State";
        CustomersOverdue => "已逾期", "Overdue";
        CustomersDueToday => "今天到期", "Due today";
        CustomersUpcoming => "即将到期", "Upcoming";
        CustomersActions => "操作", "Actions";
        CustomersWindow => "范围", "Range";
        CustomersWindowDue => "到期与逾期", "Due and overdue";
        CustomersWindowWeek => "含未来 7 天", "Including the next 7 days";
        CustomersWindowMonth => "含未来 30 天", "Including the next 30 days";
        CustomersDuplicatesHeading => "疑似重复客户", "Likely duplicates";
        CustomersDuplicatesCount => "发现 {count} 对疑似重复的客户档案。", "{count} likely duplicate {count|pair|pairs} found.";
        CustomersDuplicatesCapped => "发现 {count} 对疑似重复的客户档案，显示前 {shown} 对。", "{count} likely duplicate pairs found; the first {shown} are shown.";
        CustomersProfileA => "档案一", "Profile A";
        CustomersProfileB => "档案二", "Profile B";
        CustomersReasons => "疑似原因", "Why suspected";
        CustomersMerge => "合并", "Merge";
        CustomersMergeFor => "合并 {a} 与 {b}", "Merge {a} and {b}";
        CustomersMergeHeading => "合并重复客户", "Merge duplicate profiles";
        CustomersMergeIntro => "选择保留哪份档案，并逐项选择要保留的信息。标签和偏好会合并。", "Choose which profile to keep and, field by field, which value to keep. Tags and preferences are combined.";
        CustomersSurvivor => "保留的档案", "Profile to keep";
        CustomersKeepProfile => "保留“{name}”（#{id}，{count} 条关联记录）", "Keep “{name}” (#{id}, {count} linked {count|record|records})";
        CustomersField => "字段", "Field";
        CustomersMergeMoves => "另一份档案的全部关联记录（消费、投诉、调查、积分与会员账户、沟通、回访、关怀任务）都会转到保留的档案，合并会记入变更历史。", "Every record linked to the other profile (purchases or stays, complaints, surveys, points and loyalty account, contacts, follow-ups, care tasks) moves to the kept profile, and the merge is recorded in the change history.";
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
