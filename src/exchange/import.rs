//! Row-by-row validation of a read file and the import plan it becomes.
//!
//! Every row is checked on its own: a bad row goes to the report as
//! (row, column, value, reason) and never stops the good ones. Customers
//! already on file are found by normalised phone, e-mail or external id and
//! reused instead of duplicated. The valid rows become ONE change set with
//! one `Import` audit entry, so an import lands whole or not at all.
//!
//! [`Importer::step`] validates a bounded number of rows per call, so the
//! shell can show progress and keep the page responsive on a million rows.

use super::keys::KeyIndex;
use super::mapping::{Field, FieldColumns, Mapping, Target};
use super::sheet::Sheet;
use super::values::{
    contains_wide, parse_channel, parse_date, parse_datetime, parse_decimal_minor, parse_gender,
    parse_quantity, trimmed,
};
use chrono::{NaiveDate, NaiveDateTime};
use crm_domain::{
    AuditAction, AuditEntry, AuditId, Category, CategoryId, ChangeSet, Collection, ContactError,
    Customer, CustomerId, Dataset, Email, Money, Outlet, OutletId, Phone, SalesChannel, StaffId,
    Transaction, TransactionId,
};
use serde::{Deserialize, Serialize};
// FxHash rather than the standard SipHash for the importer's look-ups: a
// customer number, an outlet and a category per row, a million rows in an
// import, where SipHash was about a tenth of the check in the browser. The
// keys come from the user's own file; FxHash's weakness against keys made
// to collide could only slow that user's own import, never leak anything.
use rustc_hash::FxHashMap as HashMap;
use smol_str::SmolStr;

/// A cell longer than this is refused rather than stored.
pub const MAX_CELL_CHARS: usize = 2_000;
/// The report keeps this many row errors; the summary counts them all.
pub const MAX_REPORTED_ERRORS: usize = 100_000;

/// Why one cell (or row) cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A required value is empty.
    Missing,
    /// Longer than [`MAX_CELL_CHARS`].
    TooLong {
        max: usize,
    },
    /// Holds bytes that could not be decoded in the chosen encoding.
    Undecodable,
    BadDate,
    /// A birthday or sign-up date after today.
    InFuture,
    BadAmount,
    BadQuantity,
    BadPhone(ContactError),
    BadEmail,
    /// Not one of the values the field knows (gender, channel).
    UnknownValue,
    /// A transaction with no customer id, phone or e-mail.
    NoCustomer,
}

/// One entry of the row report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The spreadsheet row number (header = 1 when there is one).
    pub row: u32,
    /// The file column (0-based), when the problem is in one cell.
    pub column: Option<usize>,
    pub field: Option<Field>,
    pub value: String,
    pub problem: Problem,
}

/// How to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    pub target: Target,
    pub mapping: Mapping,
    /// Reuse customers with the same phone, e-mail or external id instead of
    /// creating a second profile.
    pub match_existing: bool,
    /// Business-local today: birthdays and sign-ups may not be after it.
    pub today: NaiveDate,
}

/// What an import did (or will do), in numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportSummary {
    pub rows: usize,
    pub valid_rows: usize,
    pub invalid_rows: usize,
    pub errors: usize,
    pub customers_created: usize,
    pub customers_matched: usize,
    pub customers_updated: usize,
    pub transactions_created: usize,
    pub outlets_created: usize,
    pub categories_created: usize,
}

/// How far [`Importer::step`] has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// The next free ids when the plan was made: a plan only applies to the
/// data set it was made against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Base {
    customers: CustomerId,
    transactions: TransactionId,
    outlets: OutletId,
    categories: CategoryId,
}

impl Base {
    fn of(ds: &Dataset) -> Base {
        Base {
            customers: ds.customers.next_id(),
            transactions: ds.transactions.next_id(),
            outlets: ds.outlets.next_id(),
            categories: ds.categories.next_id(),
        }
    }
}

/// Validates rows and collects what they will create.
#[derive(Debug)]
pub struct Importer {
    options: ImportOptions,
    /// Where the mapping puts each field.
    columns: FieldColumns,
    base: Base,
    /// Existing customers indexed so far.
    indexed: usize,
    next_row: usize,
    /// Keyed by `SmolStr`, which keeps a key of up to 23 bytes (a phone
    /// number, most customer numbers) in the table itself: a look-up among
    /// 100,000 customers then reads one place in memory, not two.
    by_phone: HashMap<SmolStr, CustomerId>,
    by_email: HashMap<SmolStr, CustomerId>,
    /// By customer number: most files find their customers by it.
    by_external: KeyIndex<CustomerId>,
    outlets_by_name: HashMap<String, OutletId>,
    categories_by_name: HashMap<String, CategoryId>,
    /// The same, by the text exactly as the file wrote it: a million rows
    /// name a few hundred stores, so most rows find theirs without
    /// building a lower-cased key.
    outlets_by_text: KeyIndex<OutletId>,
    categories_by_text: KeyIndex<CategoryId>,
    next_customer: u32,
    next_transaction: u32,
    next_outlet: u32,
    next_category: u32,
    new_customers: Vec<Customer>,
    updated: HashMap<CustomerId, Customer>,
    transactions: Vec<Transaction>,
    outlets: Vec<Outlet>,
    categories: Vec<Category>,
    errors: Vec<RowError>,
    summary: ImportSummary,
}

/// The validated import: the report and what committing will write.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub target: Target,
    pub summary: ImportSummary,
    pub errors: Vec<RowError>,
    base: Base,
    new_customers: Vec<Customer>,
    updated_customers: Vec<Customer>,
    transactions: Vec<Transaction>,
    outlets: Vec<Outlet>,
    categories: Vec<Category>,
}

fn name_key(s: &str) -> String {
    s.trim().to_lowercase()
}

impl Importer {
    pub fn new(ds: &Dataset, options: ImportOptions) -> Importer {
        let mut outlets_by_name = HashMap::default();
        for o in ds.outlets.iter() {
            for n in [&o.name, &o.name_latin] {
                if !n.trim().is_empty() {
                    outlets_by_name.entry(name_key(n)).or_insert(o.id);
                }
            }
        }
        let mut categories_by_name = HashMap::default();
        for c in ds.categories.iter() {
            for n in [&c.name, &c.name_latin] {
                if !n.trim().is_empty() {
                    categories_by_name.entry(name_key(n)).or_insert(c.id);
                }
            }
        }
        let base = Base::of(ds);
        Importer {
            columns: FieldColumns::of(&options.mapping),
            options,
            base,
            indexed: 0,
            next_row: 0,
            by_phone: HashMap::default(),
            by_email: HashMap::default(),
            by_external: KeyIndex::default(),
            outlets_by_name,
            categories_by_name,
            outlets_by_text: KeyIndex::default(),
            categories_by_text: KeyIndex::default(),
            next_customer: base.customers.0,
            next_transaction: base.transactions.0,
            next_outlet: base.outlets.0,
            next_category: base.categories.0,
            new_customers: Vec::new(),
            updated: HashMap::default(),
            transactions: Vec::new(),
            outlets: Vec::new(),
            categories: Vec::new(),
            errors: Vec::new(),
            summary: ImportSummary::default(),
        }
    }

    /// Indexes up to `max` more existing customers by phone, e-mail and
    /// customer number (done in steps too: a chain has 100,000 of them);
    /// true when all are. A file with no phone (e-mail) column never looks
    /// a customer up by it, so that index is not built: for the usual file
    /// of transactions, which names its customers by number, the two took
    /// about a tenth of the check.
    fn index_customers(&mut self, ds: &Dataset, max: usize) -> bool {
        let by_phone = self.columns.get(Field::Phone).is_some();
        let by_email = self.columns.get(Field::Email).is_some();
        let rows = ds.customers.rows();
        let end = rows.len().min(self.indexed.saturating_add(max));
        for c in &rows[self.indexed.min(end)..end] {
            if let Some(p) = c.phone.as_ref().filter(|_| by_phone) {
                self.by_phone
                    .entry(SmolStr::new(p.as_str()))
                    .or_insert(c.id);
            }
            if let Some(e) = c.email.as_ref().filter(|_| by_email) {
                self.by_email.entry(SmolStr::from(e.key())).or_insert(c.id);
            }
            if let Some(x) = c.external_id.as_deref().filter(|x| !x.is_empty()) {
                self.by_external.insert_if_absent(x, c.id);
            }
        }
        self.indexed = end;
        end >= rows.len()
    }

    /// Validates up to `max_rows` more rows. The first steps index the
    /// existing customers (several per row's worth of time) before any row
    /// is validated.
    pub fn step(&mut self, ds: &Dataset, sheet: &Sheet, max_rows: usize) -> Progress {
        if !self.index_customers(ds, max_rows.saturating_mul(4)) {
            return Progress {
                done: self.next_row,
                total: sheet.len(),
            };
        }
        if self.next_row == 0 {
            // Room for every row up front: doubling a vector of a million
            // records copies them over and over. And room for the records
            // already stored, which the data set puts in front of these
            // when it takes them in (`Table::absorb`) rather than copying
            // these into a new vector.
            match self.options.target {
                Target::Transactions => self
                    .transactions
                    .reserve(sheet.len() + ds.transactions.len()),
                Target::Customers => self.new_customers.reserve(sheet.len() + ds.customers.len()),
            }
        }
        let end = sheet.len().min(self.next_row.saturating_add(max_rows));
        let mut cells: Vec<&str> = Vec::with_capacity(sheet.width);
        // Copied once per step, so each row's context can borrow it while
        // the row changes `self`.
        let columns = self.columns;
        for index in self.next_row..end {
            cells.clear();
            cells.extend(sheet.row(index));
            let ascii = sheet.row_is_ascii(index);
            self.row(ds, sheet.display_row(index), &cells, &columns, ascii);
        }
        self.next_row = end;
        Progress {
            done: end,
            total: sheet.len(),
        }
    }

    /// Validates every remaining row and returns the plan.
    pub fn run(mut self, ds: &Dataset, sheet: &Sheet) -> ImportPlan {
        self.step(ds, sheet, usize::MAX);
        self.finish()
    }

    pub fn finish(self) -> ImportPlan {
        let mut updated: Vec<Customer> = self.updated.into_values().collect();
        updated.sort_by_key(|c| c.id);
        let mut summary = self.summary;
        summary.customers_created = self.new_customers.len();
        summary.customers_updated = updated.len();
        summary.transactions_created = self.transactions.len();
        summary.outlets_created = self.outlets.len();
        summary.categories_created = self.categories.len();
        ImportPlan {
            target: self.options.target,
            summary,
            errors: self.errors,
            base: self.base,
            new_customers: self.new_customers,
            updated_customers: updated,
            transactions: self.transactions,
            outlets: self.outlets,
            categories: self.categories,
        }
    }

    /// Checks and plans one row; `ascii` when all its cells are ASCII.
    fn row(&mut self, ds: &Dataset, row: u32, cells: &[&str], columns: &FieldColumns, ascii: bool) {
        self.summary.rows += 1;
        let mut problems: Vec<RowError> = Vec::new();
        // Every mapped cell: not too long, decodable.
        for (col, field) in self.options.mapping.columns.iter().enumerate() {
            let (Some(field), Some(value)) = (field, cells.get(col)) else {
                continue;
            };
            // A cell's bytes are at least its characters: only a long one
            // needs counting.
            let problem = if value.len() > MAX_CELL_CHARS && value.chars().count() > MAX_CELL_CHARS
            {
                Some(Problem::TooLong {
                    max: MAX_CELL_CHARS,
                })
            } else if !ascii && contains_wide(value, '\u{FFFD}') {
                Some(Problem::Undecodable)
            } else {
                None
            };
            if let Some(problem) = problem {
                problems.push(RowError {
                    row,
                    column: Some(col),
                    field: Some(*field),
                    value: shorten(value),
                    problem,
                });
            }
        }
        if problems.is_empty() {
            let mut cx = RowContext {
                row,
                cells,
                columns,
                problems: &mut problems,
            };
            match self.options.target {
                Target::Customers => self.customer_row(ds, &mut cx),
                Target::Transactions => self.transaction_row(ds, &mut cx),
            }
        }
        if problems.is_empty() {
            self.summary.valid_rows += 1;
        } else {
            self.summary.invalid_rows += 1;
            self.summary.errors += problems.len();
            let room = MAX_REPORTED_ERRORS.saturating_sub(self.errors.len());
            self.errors.extend(problems.into_iter().take(room));
        }
    }

    fn customer_row(&mut self, ds: &Dataset, cx: &mut RowContext<'_, '_>) {
        let today = self.options.today;
        let name = cx.text(Field::Name);
        if name.is_empty() {
            cx.problem(Field::Name, Problem::Missing);
        }
        let phone = cx.phone();
        let email = cx.email();
        let gender = cx.parse(Field::Gender, parse_gender, Problem::UnknownValue);
        let birthday = cx.optional_date(Field::Birthday, today);
        let signup = cx.optional_date(Field::Signup, today);
        let external = cx.text(Field::CustomerId).to_owned();
        if !cx.problems.is_empty() {
            return;
        }
        let found = if self.options.match_existing {
            self.find_customer(&external, phone.as_ref(), email.as_ref())
        } else {
            None
        };
        if let Some(id) = found {
            self.summary.customers_matched += 1;
            // Link an existing profile to the file's id, so the same
            // system's transactions find it later.
            if !external.is_empty() {
                if let Some(existing) = ds.customers.get(id) {
                    let current = self.updated.get(&id).unwrap_or(existing);
                    if current.external_id.as_deref().unwrap_or("").is_empty() {
                        let mut changed = current.clone();
                        self.by_external.insert(&external, id);
                        changed.external_id = Some(external);
                        self.updated.insert(id, changed);
                    }
                }
            }
            return;
        }
        let home_outlet = match cx.text(Field::Store) {
            "" => None,
            store => Some(self.outlet(store)),
        };
        let tags = cx
            .text(Field::Tags)
            .split([',', '，', ';', '；', '、', '|'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        let customer = Customer {
            id: CustomerId(self.next_customer),
            name: name.to_owned(),
            name_latin: cx.text(Field::NameLatin).to_owned(),
            phone,
            email,
            gender: gender.unwrap_or_default(),
            birthday,
            city: cx.text(Field::City).to_owned(),
            signup: signup.unwrap_or(today),
            home_outlet,
            tags,
            notes: cx.text(Field::Notes).to_owned(),
            external_id: (!external.is_empty()).then_some(external),
            ..Customer::default()
        };
        self.add_customer(customer);
    }

    fn transaction_row(&mut self, ds: &Dataset, cx: &mut RowContext<'_, '_>) {
        let _ = ds;
        let at = match cx.text(Field::Date) {
            "" => {
                cx.problem(Field::Date, Problem::Missing);
                None
            }
            v => {
                let at = parse_datetime(v);
                if at.is_none() {
                    cx.problem(Field::Date, Problem::BadDate);
                }
                at
            }
        };
        let amount = match cx.text(Field::Amount) {
            "" => {
                cx.problem(Field::Amount, Problem::Missing);
                None
            }
            v => {
                let a = parse_decimal_minor(v);
                if a.is_none() {
                    cx.problem(Field::Amount, Problem::BadAmount);
                }
                a
            }
        };
        let quantity = match cx.text(Field::Quantity) {
            "" => Some(1),
            v => {
                let q = parse_quantity(v);
                if q.is_none() {
                    cx.problem(Field::Quantity, Problem::BadQuantity);
                }
                q
            }
        };
        let channel = cx.parse(Field::Channel, parse_channel, Problem::UnknownValue);
        let phone = cx.phone();
        let email = cx.email();
        let external = cx.text(Field::CustomerId);
        if external.is_empty() && phone.is_none() && email.is_none() && cx.problems.is_empty() {
            let column = [Field::CustomerId, Field::Phone, Field::Email]
                .into_iter()
                .find_map(|f| cx.columns.get(f));
            cx.problems.push(RowError {
                row: cx.row,
                column,
                field: None,
                value: String::new(),
                problem: Problem::NoCustomer,
            });
        }
        let (Some(at), Some(amount), Some(quantity)) = (at, amount, quantity) else {
            return;
        };
        if !cx.problems.is_empty() {
            return;
        }
        let customer = match self.find_customer(external, phone.as_ref(), email.as_ref()) {
            Some(id) => id,
            None => {
                let name = match cx.text(Field::Name) {
                    "" => external.to_owned(),
                    n => n.to_owned(),
                };
                let id = CustomerId(self.next_customer);
                self.add_customer(Customer {
                    id,
                    name,
                    phone,
                    email,
                    signup: at.date(),
                    external_id: (!external.is_empty()).then(|| external.to_owned()),
                    ..Customer::default()
                });
                id
            }
        };
        let outlet = match cx.text(Field::Store) {
            "" => self.outlet_default(ds),
            store => self.outlet(store),
        };
        let category = match cx.text(Field::Category) {
            "" => self.category_default(ds),
            c => self.category(c),
        };
        self.transactions.push(Transaction {
            id: TransactionId(self.next_transaction),
            customer,
            at,
            outlet,
            channel: channel.unwrap_or(SalesChannel::Store),
            category,
            quantity,
            amount: Money(amount),
        });
        self.next_transaction += 1;
    }

    fn find_customer(
        &self,
        external: &str,
        phone: Option<&Phone>,
        email: Option<&Email>,
    ) -> Option<CustomerId> {
        (!external.is_empty())
            .then(|| self.by_external.get(external))
            .flatten()
            .or_else(|| phone.and_then(|p| self.by_phone.get(p.as_str()).copied()))
            .or_else(|| email.and_then(|e| self.by_email.get(e.key().as_str()).copied()))
    }

    fn add_customer(&mut self, customer: Customer) {
        if let Some(p) = &customer.phone {
            self.by_phone
                .entry(SmolStr::new(p.as_str()))
                .or_insert(customer.id);
        }
        if let Some(e) = &customer.email {
            self.by_email
                .entry(SmolStr::from(e.key()))
                .or_insert(customer.id);
        }
        if let Some(x) = &customer.external_id {
            self.by_external.insert_if_absent(x, customer.id);
        }
        self.next_customer += 1;
        self.new_customers.push(customer);
    }

    fn outlet(&mut self, name: &str) -> OutletId {
        if let Some(id) = self.outlets_by_text.get(name) {
            return id;
        }
        let id = self.outlet_by_key(name);
        self.outlets_by_text.insert(name, id);
        id
    }

    fn outlet_by_key(&mut self, name: &str) -> OutletId {
        let key = name_key(name);
        if let Some(id) = self.outlets_by_name.get(&key) {
            return *id;
        }
        let id = OutletId(self.next_outlet);
        self.next_outlet += 1;
        self.outlets.push(Outlet {
            id,
            name: name.trim().to_owned(),
            name_latin: String::new(),
            city: String::new(),
        });
        self.outlets_by_name.insert(key, id);
        id
    }

    /// A transaction without a store goes to the first one on file, or to a
    /// new "unspecified" store when there is none.
    fn outlet_default(&mut self, ds: &Dataset) -> OutletId {
        if let Some(o) = ds.outlets.iter().next().or(self.outlets.first()) {
            return o.id;
        }
        let id = self.outlet(UNSPECIFIED_OUTLET.0);
        if let Some(o) = self.outlets.iter_mut().find(|o| o.id == id) {
            o.name_latin = UNSPECIFIED_OUTLET.1.to_owned();
        }
        id
    }

    fn category(&mut self, name: &str) -> CategoryId {
        if let Some(id) = self.categories_by_text.get(name) {
            return id;
        }
        let id = self.category_by_key(name);
        self.categories_by_text.insert(name, id);
        id
    }

    fn category_by_key(&mut self, name: &str) -> CategoryId {
        let key = name_key(name);
        if let Some(id) = self.categories_by_name.get(&key) {
            return *id;
        }
        let id = CategoryId(self.next_category);
        self.next_category += 1;
        self.categories.push(Category {
            id,
            name: name.trim().to_owned(),
            name_latin: String::new(),
        });
        self.categories_by_name.insert(key, id);
        id
    }

    fn category_default(&mut self, ds: &Dataset) -> CategoryId {
        let key = name_key(UNSPECIFIED_CATEGORY.0);
        if let Some(id) = self.categories_by_name.get(&key) {
            return *id;
        }
        if ds.categories.is_empty() && self.categories.is_empty() {
            let id = self.category(UNSPECIFIED_CATEGORY.0);
            if let Some(c) = self.categories.iter_mut().find(|c| c.id == id) {
                c.name_latin = UNSPECIFIED_CATEGORY.1.to_owned();
            }
            return id;
        }
        ds.categories
            .iter()
            .next()
            .or(self.categories.first())
            .map_or(CategoryId(1), |c| c.id)
    }
}

/// Names of the store and category created for rows that name none, in
/// both languages (they are data, shown by the record's own name fields).
pub const UNSPECIFIED_OUTLET: (&str, &str) = ("未指定门店", "Unspecified store");
pub const UNSPECIFIED_CATEGORY: (&str, &str) = ("未分类", "Uncategorised");

fn shorten(value: &str) -> String {
    const KEEP: usize = 200;
    if value.chars().count() > KEEP {
        let mut s: String = value.chars().take(KEEP).collect();
        s.push('…');
        s
    } else {
        value.to_owned()
    }
}

/// One row being validated.
struct RowContext<'a, 'b> {
    row: u32,
    cells: &'a [&'a str],
    columns: &'a FieldColumns,
    problems: &'b mut Vec<RowError>,
}

impl<'a> RowContext<'a, '_> {
    fn text(&self, field: Field) -> &'a str {
        self.columns
            .get(field)
            .and_then(|c| self.cells.get(c).copied())
            .map_or("", trimmed)
    }

    fn problem(&mut self, field: Field, problem: Problem) {
        let value = shorten(self.text(field));
        self.problems.push(RowError {
            row: self.row,
            column: self.columns.get(field),
            field: Some(field),
            value,
            problem,
        });
    }

    fn parse<T>(&mut self, field: Field, f: fn(&str) -> Option<T>, problem: Problem) -> Option<T> {
        let v = self.text(field);
        if v.is_empty() {
            return None;
        }
        let parsed = f(v);
        if parsed.is_none() {
            self.problem(field, problem);
        }
        parsed
    }

    fn phone(&mut self) -> Option<Phone> {
        let v = self.text(Field::Phone);
        if v.is_empty() {
            return None;
        }
        match Phone::parse(v) {
            Ok(p) => Some(p),
            Err(e) => {
                self.problem(Field::Phone, Problem::BadPhone(e));
                None
            }
        }
    }

    fn email(&mut self) -> Option<Email> {
        let v = self.text(Field::Email);
        if v.is_empty() {
            return None;
        }
        let parsed = Email::parse(v).ok();
        if parsed.is_none() {
            self.problem(Field::Email, Problem::BadEmail);
        }
        parsed
    }

    fn optional_date(&mut self, field: Field, today: NaiveDate) -> Option<NaiveDate> {
        let d = self.parse(field, parse_date, Problem::BadDate)?;
        if d > today {
            self.problem(field, Problem::InFuture);
            return None;
        }
        Some(d)
    }
}

impl ImportPlan {
    /// True when nothing valid was found: there is nothing to commit.
    pub fn is_empty(&self) -> bool {
        self.new_customers.is_empty()
            && self.updated_customers.is_empty()
            && self.transactions.is_empty()
    }

    /// True when `ds` is still the data set the plan was made against (no
    /// record was added since, by this tab or another).
    pub fn still_applies(&self, ds: &Dataset) -> bool {
        Base::of(ds) == self.base
    }

    /// The ids of customers the import created.
    pub fn created_customer_ids(&self) -> Vec<CustomerId> {
        self.new_customers.iter().map(|c| c.id).collect()
    }

    /// What the page shows while the plan is written: the target, summary
    /// and errors, without the records (those go to the change set).
    pub fn report(&self) -> ImportPlan {
        ImportPlan {
            target: self.target,
            summary: self.summary,
            errors: self.errors.clone(),
            base: self.base,
            new_customers: Vec::new(),
            updated_customers: Vec::new(),
            transactions: Vec::new(),
            outlets: Vec::new(),
            categories: Vec::new(),
        }
    }

    /// The one atomic change set, with one `Import` audit entry that
    /// records what came from which file.
    pub fn change_set(
        &self,
        first_audit: AuditId,
        at: NaiveDateTime,
        actor: Option<StaffId>,
        file_name: &str,
    ) -> ChangeSet {
        self.clone()
            .into_change_set(first_audit, at, actor, file_name)
    }

    /// [`change_set`](Self::change_set), moving the records instead of
    /// copying a million of them.
    pub fn into_change_set(
        self,
        first_audit: AuditId,
        at: NaiveDateTime,
        actor: Option<StaffId>,
        file_name: &str,
    ) -> ChangeSet {
        let (collection, record) = match self.target {
            Target::Customers => (
                Collection::Customers,
                self.new_customers.first().map_or(0, |c| c.id.0),
            ),
            Target::Transactions => (
                Collection::Transactions,
                self.transactions.first().map_or(0, |t| t.id.0),
            ),
        };
        let mut changes = ChangeSet::default();
        changes.outlets.put = self.outlets;
        changes.categories.put = self.categories;
        changes.customers.put = if self.updated_customers.is_empty() {
            self.new_customers
        } else {
            let mut customers = self.updated_customers;
            customers.extend(self.new_customers);
            customers
        };
        changes.transactions.put = self.transactions;
        changes.audit.push(AuditEntry {
            id: first_audit,
            at,
            actor,
            action: AuditAction::Import,
            collection,
            record,
            customer: None,
            before: None,
            after: Some(serde_json::json!({
                "file": file_name,
                "target": self.target,
                "summary": self.summary,
            })),
        });
        changes
    }
}
