//! Which column of a file holds which field, for the two things a file can
//! import: customer profiles, or transactions (purchases or stays). Guessed
//! from Chinese and English headers, or from the values when a file has no
//! header (the CDNOW data set: id, date, quantity, amount); the user can
//! change every guess before importing.

use super::sheet::Sheet;
use super::values::{parse_date, parse_decimal_minor, parse_quantity};
use serde::{Deserialize, Serialize};

/// What a file imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Target {
    #[default]
    Customers,
    /// Purchases, or stays for a hotel.
    Transactions,
}

/// A field a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Field {
    /// The customer's id in the system the file comes from.
    CustomerId,
    Name,
    NameLatin,
    Phone,
    Email,
    Gender,
    Birthday,
    City,
    /// The store or hotel: a customer's home store, a transaction's store.
    Store,
    Signup,
    Tags,
    Notes,
    Date,
    Amount,
    Quantity,
    Category,
    Channel,
}

impl Field {
    /// The fields of a target, in the order the mapping table offers them.
    pub fn for_target(target: Target) -> &'static [Field] {
        match target {
            Target::Customers => &[
                Field::CustomerId,
                Field::Name,
                Field::NameLatin,
                Field::Phone,
                Field::Email,
                Field::Gender,
                Field::Birthday,
                Field::City,
                Field::Store,
                Field::Signup,
                Field::Tags,
                Field::Notes,
            ],
            Target::Transactions => &[
                Field::CustomerId,
                Field::Name,
                Field::Phone,
                Field::Email,
                Field::Date,
                Field::Amount,
                Field::Quantity,
                Field::Store,
                Field::Category,
                Field::Channel,
            ],
        }
    }

    /// Fields without which a row cannot be imported.
    pub fn required(target: Target) -> &'static [Field] {
        match target {
            Target::Customers => &[Field::Name],
            Target::Transactions => &[Field::Date, Field::Amount],
        }
    }

    /// A stable name, for URLs and tests.
    pub fn key(self) -> &'static str {
        match self {
            Field::CustomerId => "customer_id",
            Field::Name => "name",
            Field::NameLatin => "name_latin",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::Gender => "gender",
            Field::Birthday => "birthday",
            Field::City => "city",
            Field::Store => "store",
            Field::Signup => "signup",
            Field::Tags => "tags",
            Field::Notes => "notes",
            Field::Date => "date",
            Field::Amount => "amount",
            Field::Quantity => "quantity",
            Field::Category => "category",
            Field::Channel => "channel",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        ALL_FIELDS.into_iter().find(|f| f.key() == key)
    }

    /// Header spellings this field answers to, normalised (see [`normalise`]).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::CustomerId => &[
                "customerid",
                "custid",
                "clientid",
                "memberid",
                "客户id",
                "客户编号",
                "客户号",
                "会员id",
                "会员编号",
                "会员号",
                "会员卡号",
                "卡号",
                "编号",
                "id",
            ],
            Field::Name => &[
                "name",
                "fullname",
                "customername",
                "customer",
                "姓名",
                "客户姓名",
                "客户名称",
                "名字",
                "客户",
                "会员姓名",
                "宾客姓名",
            ],
            Field::NameLatin => &[
                "namelatin",
                "latinname",
                "englishname",
                "pinyin",
                "拼音",
                "英文名",
                "英文姓名",
                "拼音姓名",
            ],
            Field::Phone => &[
                "phone",
                "mobile",
                "tel",
                "telephone",
                "cell",
                "phonenumber",
                "mobilephone",
                "手机",
                "手机号",
                "手机号码",
                "电话",
                "电话号码",
                "联系电话",
                "移动电话",
            ],
            Field::Email => &[
                "email",
                "e-mail",
                "mail",
                "emailaddress",
                "邮箱",
                "电子邮箱",
                "电子邮件",
                "邮件",
            ],
            Field::Gender => &["gender", "sex", "性别"],
            Field::Birthday => &[
                "birthday",
                "birthdate",
                "dateofbirth",
                "dob",
                "生日",
                "出生日期",
                "出生年月日",
            ],
            Field::City => &["city", "城市", "所在城市", "居住城市"],
            Field::Store => &[
                "store",
                "shop",
                "outlet",
                "hotel",
                "property",
                "branch",
                "门店",
                "店铺",
                "酒店",
                "分店",
                "所属门店",
                "消费门店",
            ],
            Field::Signup => &[
                "signup",
                "signupdate",
                "joined",
                "joindate",
                "registered",
                "registrationdate",
                "注册日期",
                "入会日期",
                "注册时间",
                "开卡日期",
            ],
            Field::Tags => &["tags", "tag", "labels", "标签"],
            Field::Notes => &["notes", "note", "remarks", "comment", "备注", "说明"],
            Field::Date => &[
                "date",
                "datetime",
                "time",
                "orderdate",
                "purchasedate",
                "transactiondate",
                "checkin",
                "checkindate",
                "日期",
                "消费日期",
                "交易日期",
                "下单日期",
                "时间",
                "消费时间",
                "入住日期",
                "入住时间",
            ],
            Field::Amount => &[
                "amount",
                "total",
                "sales",
                "spend",
                "revenue",
                "price",
                "value",
                "dollarvalue",
                "金额",
                "消费金额",
                "交易金额",
                "实付金额",
                "订单金额",
                "销售额",
                "房费",
            ],
            Field::Quantity => &[
                "quantity",
                "qty",
                "count",
                "items",
                "units",
                "nights",
                "数量",
                "件数",
                "购买数量",
                "间夜",
                "间夜数",
                "入住晚数",
            ],
            Field::Category => &[
                "category",
                "product",
                "producttype",
                "roomtype",
                "品类",
                "类别",
                "商品类别",
                "商品品类",
                "房型",
            ],
            Field::Channel => &["channel", "saleschannel", "渠道", "销售渠道", "购买渠道"],
        }
    }
}

const ALL_FIELDS: [Field; 17] = [
    Field::CustomerId,
    Field::Name,
    Field::NameLatin,
    Field::Phone,
    Field::Email,
    Field::Gender,
    Field::Birthday,
    Field::City,
    Field::Store,
    Field::Signup,
    Field::Tags,
    Field::Notes,
    Field::Date,
    Field::Amount,
    Field::Quantity,
    Field::Category,
    Field::Channel,
];

/// Lower case, without spaces, underscores, dashes, dots and anything in
/// brackets ("消费金额（元）" → "消费金额", "Customer_ID" → "customerid").
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut depth = 0u32;
    for c in header.trim().chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            ' ' | '_' | '-' | '.' | '\u{3000}' | ':' | '：' | '*' => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Column index → field, one entry per column of the file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Mapping {
    pub columns: Vec<Option<Field>>,
}

impl Mapping {
    /// The column holding `field`, if one does.
    pub fn column_of(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|f| *f == Some(field))
    }

    /// Assigns `field` to `column`, taking it away from any other column.
    pub fn set(&mut self, column: usize, field: Option<Field>) {
        if let Some(f) = field {
            for c in &mut self.columns {
                if *c == Some(f) {
                    *c = None;
                }
            }
        }
        if column >= self.columns.len() {
            self.columns.resize(column + 1, None);
        }
        self.columns[column] = field;
    }

    /// Required fields that no column holds.
    pub fn missing(&self, target: Target) -> Vec<Field> {
        Field::required(target)
            .iter()
            .copied()
            .filter(|f| self.column_of(*f).is_none())
            .collect()
    }
}

/// Each field's column, found once for a whole import: [`Mapping::column_of`]
/// searches the columns, and a million-row import asks for about eight
/// fields per row. `u32::MAX` stands for a field no column holds (a sheet
/// cannot have that many columns, its cell offsets being `u32`s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FieldColumns([u32; ALL_FIELDS.len()]);

impl FieldColumns {
    const NONE: u32 = u32::MAX;

    pub(super) fn of(mapping: &Mapping) -> FieldColumns {
        let mut columns = [Self::NONE; ALL_FIELDS.len()];
        for field in ALL_FIELDS {
            if let Some(slot) = columns.get_mut(field as usize) {
                *slot = mapping
                    .column_of(field)
                    .and_then(|c| u32::try_from(c).ok())
                    .unwrap_or(Self::NONE);
            }
        }
        FieldColumns(columns)
    }

    /// The same as [`Mapping::column_of`] on the mapping it was made from.
    pub(super) fn get(&self, field: Field) -> Option<usize> {
        match self.0.get(field as usize) {
            Some(&c) if c != Self::NONE => Some(c as usize),
            _ => None,
        }
    }
}

/// Guesses a mapping: from the header when there is one, else from the
/// values of the first rows.
pub fn guess(sheet: &Sheet, target: Target) -> Mapping {
    let fields = Field::for_target(target);
    let mut mapping = Mapping {
        columns: vec![None; sheet.width],
    };
    match &sheet.header {
        Some(header) => {
            // Exact alias matches first, then headers that contain an alias
            // ("会员手机号" contains "手机"), so "客户编号" is not taken by
            // the name's "客户".
            for exact in [true, false] {
                for (i, h) in header.iter().enumerate() {
                    if mapping.columns[i].is_some() {
                        continue;
                    }
                    let h = normalise(h);
                    if h.is_empty() {
                        continue;
                    }
                    let found = fields.iter().copied().find(|f| {
                        mapping.column_of(*f).is_none()
                            && f.aliases().iter().any(|a| {
                                if exact {
                                    h == *a
                                } else {
                                    a.chars().count() >= if a.is_ascii() { 4 } else { 2 }
                                        && h.contains(a)
                                }
                            })
                    });
                    if found.is_some() {
                        mapping.columns[i] = found;
                    }
                }
            }
        }
        None => guess_from_values(sheet, target, &mut mapping),
    }
    mapping
}

/// For a headerless transactions file: an 8-digit or dashed date column is
/// the date; the integer column before it the customer id; an integer
/// column after it the quantity; the last decimal column the amount.
fn guess_from_values(sheet: &Sheet, target: Target, mapping: &mut Mapping) {
    if target != Target::Transactions {
        return;
    }
    let sample = sheet.len().min(50);
    let all = |col: usize, test: &dyn Fn(&str) -> bool| {
        sample > 0 && (0..sample).all(|r| test(sheet.cell(r, col)))
    };
    let is_int = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let Some(date_col) = (0..sheet.width).find(|&c| all(c, &|s| parse_date(s).is_some())) else {
        return;
    };
    mapping.set(date_col, Some(Field::Date));
    if let Some(id) = (0..date_col).find(|&c| all(c, &is_int)) {
        mapping.set(id, Some(Field::CustomerId));
    }
    let after: Vec<usize> = (date_col + 1..sheet.width).collect();
    if let Some(&amount) = after
        .iter()
        .rev()
        .find(|&&c| all(c, &|s| parse_decimal_minor(s).is_some()))
    {
        mapping.set(amount, Some(Field::Amount));
        if let Some(&q) = after
            .iter()
            .find(|&&c| c != amount && all(c, &|s| parse_quantity(s).is_some()))
        {
            mapping.set(q, Some(Field::Quantity));
        }
    }
}
