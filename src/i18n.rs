//! Interface strings in English, Persian and Arabic, switchable live: the
//! window's words and those of the exported pictures (legend, step counter).
//! No egui here, so the exports use the same table; the window reaches it as
//! `ui::context::i18n`.
//!
//! `tr(lang, key)` looks a key up in one table; a key missing from the table is
//! shown as itself, so a forgotten string is visible, never a crash.

use crate::text::Lang;

/// (key, English, Persian, Arabic)
const STRINGS: &[(&str, &str, &str, &str)] = &[
    ("app", "diplomap", "دیپلومپ", "ديبلوماب"),
    ("back", "Back", "بازگشت", "رجوع"),
    ("forward", "Forward", "جلو", "تقدم"),
    ("address", "Address", "نشانی", "العنوان"),
    ("copy", "Copy", "رونوشت", "نسخ"),
    ("copy address", "Copy address", "رونوشت نشانی", "نسخ العنوان"),
    ("go", "Go", "برو", "اذهب"),
    ("map", "Map", "نقشه", "الخريطة"),
    ("search", "Search", "جست‌وجو", "بحث"),
    ("search concepts", "Filter concepts", "پالایش مفهوم‌ها", "تصفية المفاهيم"),
    (
        "search everything",
        "Search documents, concepts and notes",
        "جست‌وجو در متن‌ها، مفهوم‌ها و یادداشت‌ها",
        "البحث في الوثائق والمفاهيم والملاحظات",
    ),
    // The search box's placeholder: short enough for the narrowest list panel.
    ("search hint", "Search everything", "جست‌وجو در همه‌چیز", "البحث في كل شيء"),
    ("concepts", "Concepts", "مفهوم‌ها", "المفاهيم"),
    ("documents", "Documents", "متن‌ها", "الوثائق"),
    ("DiplomacyForm", "Forms of diplomacy", "گونه‌های دیپلماسی", "أشكال الدبلوماسية"),
    ("Threat", "Threats", "تهدیدها", "التهديدات"),
    ("Organisation", "Organisations", "سازمان‌ها", "المنظمات"),
    ("Topic", "Topics", "موضوع‌ها", "المواضيع"),
    ("mentions", "Mentions", "اشاره‌ها", "الإشارات"),
    ("mentions in the corpus", "mentions in the corpus: {}", "شمار اشاره‌ها در متن‌ها: {}", "عدد الإشارات في النصوص: {}"),
    ("cluster legend", "several concepts (zoom in)", "چند مفهوم با هم (بزرگ‌نمایی کنید)", "عدة مفاهيم (كبّر العرض)"),
    (
        "cluster help",
        "concepts drawn together at this zoom; click to zoom in",
        "مفهوم‌هایی که در این مقیاس یکجا نشان داده شده‌اند؛ برای بزرگ‌نمایی کلیک کنید",
        "مفاهيم مجمّعة في هذا المستوى من التكبير؛ انقر لتكبير العرض",
    ),
    ("related", "Related concepts", "مفهوم‌های مرتبط", "مفاهيم ذات صلة"),
    ("evidence", "Evidence", "شواهد", "الشواهد"),
    ("summary", "Summary", "خلاصه", "الملخص"),
    ("labels", "Names", "نام‌ها", "الأسماء"),
    ("notes", "Notes", "یادداشت‌ها", "الملاحظات"),
    ("contents", "Contents", "فهرست", "المحتويات"),
    ("find in document", "Find in document", "یافتن در متن", "البحث في الوثيقة"),
    ("side by side", "Side by side", "کنار هم", "جنبًا إلى جنب"),
    ("open document", "Open document", "گشودن متن", "فتح الوثيقة"),
    ("open in map", "Show on map", "نمایش روی نقشه", "عرض على الخريطة"),
    (
        "broken order",
        "Line in broken visual order (PDF damage): not indexed",
        "سطر با ترتیب دیداری آسیب‌دیده (خرابی PDF): نمایه نشده",
        "سطر بترتيب مرئي تالف (تلف PDF): غير مفهرس",
    ),
    ("interface language", "Interface language", "زبان رابط", "لغة الواجهة"),
    ("theme", "Theme", "پوسته", "السمة"),
    ("dark", "Dark", "تیره", "داكن"),
    ("light", "Light", "روشن", "فاتح"),
    ("no results", "Nothing found", "چیزی یافت نشد", "لم يُعثر على شيء"),
    ("kind", "Kind", "گونه", "النوع"),
    ("weight", "weight", "وزن", "الوزن"),
    ("co-occurrence", "mentioned together", "هم‌آیی", "تواتر مشترك"),
    ("counters", "counters", "مقابله می‌کند با", "يكافح"),
    ("member-of", "member of", "عضو", "عضو في"),
    ("partner-of", "partner of", "شریک", "شريك"),
    ("observer-of", "observer of", "ناظر در", "مراقب في"),
    ("works-through", "works through", "از راه", "يعمل من خلال"),
    ("part-of", "part of", "بخشی از", "جزء من"),
    ("fuels", "fuels", "دامن می‌زند به", "يغذي"),
    ("serves", "serves", "در خدمت", "يخدم"),
    ("related-to", "related to", "مرتبط با", "مرتبط بـ"),
    (
        "select a concept",
        "Select a concept in the list, on the map or in a text.",
        "مفهومی را در فهرست، روی نقشه یا در متن برگزینید.",
        "اختر مفهومًا من القائمة أو الخريطة أو النص.",
    ),
    ("unknown address", "Unknown address", "نشانی ناشناخته", "عنوان غير معروف"),
    ("selected", "Selected concept", "مفهوم برگزیده", "المفهوم المختار"),
    ("no mentions", "No mentions in the corpus", "در پیکره اشاره‌ای نیست", "لا إشارات في المدوّنة"),
    ("sections", "Sections", "بخش‌ها", "الأقسام"),
    ("left", "Left", "چپ", "يسار"),
    ("right", "Right", "راست", "يمين"),
    ("compare with", "Compare with", "مقایسه با", "قارن مع"),
    ("main note", "Main note", "یادداشت اصلی", "الملاحظة الرئيسية"),
    ("passage note", "Note on this passage", "یادداشت این بند", "ملاحظة على هذا المقطع"),
    ("passage notes", "Notes on passages", "یادداشت‌های بندها", "ملاحظات على المقاطع"),
    ("note on selection", "Note on the selection", "یادداشت بر متن برگزیده", "ملاحظة على النص المحدد"),
    ("add as a name of…", "Add as a name of…", "افزودن به‌عنوان نامِ…", "إضافة اسمًا لـ…"),
    ("add as a name of", "Add as a name of", "افزودن به‌عنوان نامِ", "إضافة اسمًا لـ"),
    ("find a concept", "Find a concept", "جست‌وجوی مفهوم‌ها", "البحث في المفاهيم"),
    ("no concept found", "No concept has this name", "مفهومی با این نام نیست", "لا مفهوم بهذا الاسم"),
    ("name added", "New name of", "نام تازهٔ", "اسم جديد لـ"),
    ("edit undone", "Undone", "برگردانده شد", "تم التراجع"),
    // Why a catalog edit from the window was not written; `{}` are filled in order.
    (
        "catalog changed on disk",
        "Not written: {} was changed on disk since it was read. The catalog has been read again: try once more.",
        "نوشته نشد: {} پس از خوانده شدن روی دیسک تغییر کرده است. فهرست مفهوم‌ها دوباره خوانده شد؛ یک بار دیگر بکوشید.",
        "لم يُكتب: تغيّر {} على القرص بعد قراءته. أُعيدت قراءة الفهرس؛ حاول مرة أخرى.",
    ),
    (
        "catalog stale",
        "Not written: the concept {} changed since this edit began. The catalog has been read again: try once more.",
        "نوشته نشد: مفهوم {} پس از آغاز این ویرایش تغییر کرده است. فهرست مفهوم‌ها دوباره خوانده شد؛ یک بار دیگر بکوشید.",
        "لم يُكتب: تغيّر المفهوم {} منذ بدء هذا التعديل. أُعيدت قراءة الفهرس؛ حاول مرة أخرى.",
    ),
    (
        "name taken",
        "Not written: «{}» is already a name of {}.",
        "نوشته نشد: «{}» از پیش نامی از {} است.",
        "لم يُكتب: «{}» اسمٌ لـ{} من قبل.",
    ),
    ("catalog not written", "Not written: {}", "نوشته نشد: {}", "لم يُكتب: {}"),
    ("new concept from this…", "New concept from this…", "مفهوم تازه از این…", "مفهوم جديد من هذا…"),
    ("new concept", "New concept", "مفهوم تازه", "مفهوم جديد"),
    ("name in fa", "Name in Persian", "نام فارسی", "الاسم بالفارسية"),
    ("name in ar", "Name in Arabic", "نام عربی", "الاسم بالعربية"),
    ("name in en", "Name in English", "نام انگلیسی", "الاسم بالإنجليزية"),
    (
        "a concept needs a name",
        "A concept needs a name in at least one language",
        "مفهوم دست‌کم در یک زبان نامی می‌خواهد",
        "يحتاج المفهوم إلى اسم بلغة واحدة على الأقل",
    ),
    ("create concept", "Create concept", "ساختن مفهوم", "إنشاء المفهوم"),
    ("relate concepts…", "Relate two concepts…", "پیوند دو مفهوم…", "ربط مفهومين…"),
    ("relate concepts", "Relate two concepts", "پیوند دو مفهوم", "ربط مفهومين"),
    ("source concept", "From", "از مفهوم", "من المفهوم"),
    ("relation", "Relation", "پیوند", "العلاقة"),
    ("target concept", "To", "به مفهوم", "إلى المفهوم"),
    ("swap direction", "Swap direction", "وارونه‌کردن جهت", "عكس الاتجاه"),
    ("add relation", "Add relation", "افزودن پیوند", "إضافة العلاقة"),
    ("relation added", "Relation added", "پیوند افزوده شد", "أُضيفت العلاقة"),
    ("suggested concepts", "Suggested concepts", "مفهوم‌های پیشنهادی", "مفاهيم مقترحة"),
    (
        "suggested concepts hint",
        "Terms the texts keep using that no concept names, most telling first.",
        "اصطلاح‌هایی که متن‌ها بارها به کار می‌برند و هیچ مفهومی نامشان نیست، گویاترین نخست.",
        "مصطلحات تتكرر في النصوص ولا يسمّيها أي مفهوم، الأدلّ أولًا.",
    ),
    ("finding suggestions", "Finding terms…", "در جست‌وجوی اصطلاح‌ها…", "جارٍ البحث عن المصطلحات…"),
    ("no suggestions", "No terms to suggest", "اصطلاحی برای پیشنهاد نیست", "لا مصطلحات للاقتراح"),
    ("documents in", "documents", "متن", "وثائق"),
    ("times", "times", "بار", "مرة"),
    ("make a concept", "New concept…", "مفهوم تازه…", "مفهوم جديد…"),
    ("dismiss", "Dismiss", "کنار گذاشتن", "تجاهل"),
    ("suggestions button", "Suggestions", "پیشنهادها", "اقتراحات"),
    ("dismissed", "Dismissed for good", "برای همیشه کنار گذاشته شد", "تُجوهل نهائيًا"),
    ("remove relation", "Remove this relation", "حذف این پیوند", "حذف هذه العلاقة"),
    ("relation removed", "Relation removed", "پیوند حذف شد", "حُذفت العلاقة"),
    ("remove name", "Remove the name", "حذف نام", "حذف الاسم"),
    ("name removed", "Name removed", "نام حذف شد", "حُذف الاسم"),
    ("edit concept…", "Edit…", "ویرایش…", "تحرير…"),
    ("save changes", "Save changes", "ذخیرهٔ تغییرات", "حفظ التغييرات"),
    ("edit concept", "Edit the concept", "ویرایش مفهوم", "تحرير المفهوم"),
    ("concept edited", "Concept edited", "مفهوم ویرایش شد", "عُدّل المفهوم"),
    ("catalog edited", "Catalog edited", "فهرست مفهوم‌ها ویرایش شد", "عُدّل الفهرس"),
    (
        "a relation needs two concepts",
        "A relation needs two different concepts",
        "پیوند دو مفهوم جدا از هم می‌خواهد",
        "تحتاج العلاقة إلى مفهومين مختلفين",
    ),
    ("concept added", "New concept", "مفهوم تازه", "مفهوم جديد"),
    ("note for", "Note for", "یادداشت برای", "ملاحظة لـ"),
    ("delete note", "Delete note", "حذف یادداشت", "حذف الملاحظة"),
    ("choose a concept", "Select a concept first", "نخست مفهومی برگزینید", "اختر مفهومًا أولًا"),
    ("type a note", "Type a note…", "یادداشتی بنویسید…", "اكتب ملاحظة…"),
    ("anchor moved", "The quoted text moved", "متن نقل‌شده جابه‌جا شده است", "انتقل النص المقتبس"),
    (
        "anchor stale",
        "The quoted text is no longer in the document",
        "متن نقل‌شده دیگر در سند نیست",
        "لم يعد النص المقتبس في الوثيقة",
    ),
    ("saved", "Saved", "ذخیره شد", "محفوظ"),
    ("unsaved", "Unsaved changes", "تغییرات ذخیره‌نشده", "تغييرات غير محفوظة"),
    ("save", "Save", "ذخیره", "حفظ"),
    ("conflict", "Changed on disk and here", "هم روی دیسک و هم اینجا تغییر کرده", "تغيّر على القرص وهنا"),
    (
        "changed on disk",
        "This note was changed outside the program. Keep which version?",
        "این یادداشت بیرون از برنامه تغییر کرده است. کدام نسخه بماند؟",
        "تغيّرت هذه الملاحظة خارج البرنامج. أيّ نسخة تُحفظ؟",
    ),
    ("keep mine", "Keep mine", "نسخه من", "نسختي"),
    ("keep theirs", "Keep the file's", "نسخه پرونده", "نسخة الملف"),
    ("problems", "Problems", "ایرادها", "المشكلات"),
    (
        "corpus unreadable",
        "The concept catalog cannot be read, so nothing can be shown. Fix the file named below and save it: the program reads it again by itself. Nothing was changed or written.",
        "فهرست مفهوم‌ها خوانده نمی‌شود، پس چیزی نمایش داده نمی‌شود. پرونده‌ای را که در زیر آمده درست و ذخیره کنید: برنامه خودش آن را دوباره می‌خواند. چیزی تغییر نکرد و نوشته نشد.",
        "تعذّرت قراءة فهرس المفاهيم، فلا يمكن عرض شيء. أصلح الملف المذكور أدناه واحفظه: سيقرؤه البرنامج من جديد تلقائيًا. لم يُغيَّر أو يُكتب شيء.",
    ),
    (
        "files left out",
        "Files that could not be read, left out of the corpus:",
        "پرونده‌هایی که خوانده نشدند و کنار گذاشته شدند:",
        "ملفات تعذّرت قراءتها فاستُبعدت من المدوّنة:",
    ),
    (
        "corpus kept",
        "The catalog no longer reads; showing the corpus as last read. Problems:",
        "فهرست مفهوم‌ها دیگر خوانده نمی‌شود؛ پیکره همان‌گونه که پیش‌تر خوانده شد نمایش داده می‌شود. ایرادها:",
        "لم يعد الفهرس يُقرأ؛ تُعرض المدوّنة كما قُرئت آخر مرة. المشكلات:",
    ),
    ("show details", "Show", "نمایش", "عرض"),
    ("hide details", "Hide", "پنهان", "إخفاء"),
    (
        "fix and save",
        "Fix each file and save it: the program reads it again by itself. Nothing was changed or written.",
        "هر پرونده را درست و ذخیره کنید: برنامه خودش آن را دوباره می‌خواند. چیزی تغییر نکرد و نوشته نشد.",
        "أصلح كل ملف واحفظه: سيقرؤه البرنامج من جديد تلقائيًا. لم يُغيَّر أو يُكتب شيء.",
    ),
    ("reading corpus", "Reading the corpus…", "خواندن پیکره…", "قراءة المدونة…"),
    ("reading index cache", "Reading the saved index…", "خواندن نمایه ذخیره‌شده…", "قراءة الفهرس المحفوظ…"),
    ("indexing corpus", "Indexing the corpus…", "نمایه‌سازی پیکره…", "فهرسة المدونة…"),
    ("indexing for search", "Indexing for search…", "نمایه‌سازی برای جست‌وجو…", "الفهرسة للبحث…"),
    ("loading cancelled", "Loading was cancelled.", "بارگذاری لغو شد.", "أُلغي التحميل."),
    ("load again", "Load again", "بارگذاری دوباره", "إعادة التحميل"),
    (
        "long document",
        "A long document: showing a part of it",
        "متنی بلند: بخشی از آن نمایش داده می‌شود",
        "وثيقة طويلة: يُعرض جزء منها",
    ),
    ("fit", "Fit to screen", "گنجاندن در صفحه", "ملاءمة الشاشة"),
    ("relayout", "Re-layout", "چیدمان دوباره", "إعادة الترتيب"),
    ("depth", "Depth", "عمق", "العمق"),
    ("focus", "Focus", "کانون", "التركيز"),
    ("clear focus", "Clear focus", "برداشتن کانون", "إلغاء التركيز"),
    ("legend", "Legend", "راهنما", "المفتاح"),
    ("min weight", "Minimum weight", "کمینه وزن", "أدنى وزن"),
    (
        "min significance",
        "Co-occurrences above chance, G² at least",
        "کمینه معناداری هم‌رخدادی",
        "أدنى دلالة للتواجد المشترك",
    ),
    (
        "significance hint",
        "Co-occurrences below this are drawn only around a hovered, selected or focused concept; 0 draws them all. By default, the links drawn include one there by chance less than once in a hundred.",
        "هم‌رخدادی‌های کمتر از این فقط گرد مفهومی که نشانگر روی آن است، برگزیده است یا در کانون است کشیده می‌شوند؛ صفر همه را نشان می‌دهد.",
        "التواجد المشترك الأدنى من هذا يُرسم فقط حول المفهوم الذي يقف عليه المؤشر أو المختار أو في التركيز؛ الصفر يرسمها كلها.",
    ),
    ("curated", "Curated relation", "رابطه گزیده", "علاقة منسقة"),
    ("tours", "Tours", "گشت‌ها", "الجولات"),
    ("present", "Present", "ارائه", "عرض"),
    ("step", "Step", "گام", "الخطوة"),
    ("of", "of", "از", "من"),
    // The exported pictures' legend and step counter ("step 2 of 10").
    ("legend co-occurrence", "Mentioned together", "هم‌آیی در متن‌ها", "ورود مشترك في النصوص"),
    ("legend curated", "Curated relation (directed)", "پیوند تعریف‌شده (جهت‌دار)", "علاقة محددة (موجهة)"),
    ("step counter", "step", "گام", "الخطوة"),
    ("results", "results", "نتیجه", "نتيجة"),
    ("import", "Import…", "افزودن سند…", "استيراد مستند…"),
    ("section Title", "Title", "عنوان", "العنوان"),
    ("section Abstract", "Abstract", "چکیده", "الملخص"),
    ("section Keywords", "Keywords", "کلیدواژه‌ها", "الكلمات المفتاحية"),
    ("section Contents", "Table of contents", "فهرست مطالب", "جدول المحتويات"),
    ("section Body", "Text", "متن", "النص"),
    ("section References", "References", "منابع", "المراجع"),
    ("section front-matter", "Front matter", "پیش‌گفتار و مشخصات", "الصفحات التمهيدية"),
    ("section header", "Header", "سرصفحه", "الترويسة"),
    ("section page-footer", "Page footer", "پانویس صفحه", "تذييل الصفحة"),
    ("section joint-statements", "Joint statements", "بیانیه‌های مشترک", "البيانات المشتركة"),
    ("section overview", "Overview", "نمای کلی", "نظرة عامة"),
    ("lang Fa", "Persian", "فارسی", "الفارسية"),
    ("lang Ar", "Arabic", "عربی", "العربية"),
    ("lang En", "English", "انگلیسی", "الإنجليزية"),
    (
        "tours hint",
        "Teachers' tours: ordered views of the map",
        "گشت‌های آموزشی: نماهای پشت سر هم از نقشه",
        "جولات تعليمية: مشاهد متتالية للخريطة",
    ),
    ("new tour", "New tour", "گشت تازه", "جولة جديدة"),
    (
        "new tour id",
        "Id of the new tour (kebab-case)",
        "شناسهٔ گشت تازه (لاتین، با خط تیره)",
        "معرّف الجولة الجديدة (لاتيني بشرطات)",
    ),
    ("new tour id hint", "new-tour-id", "شناسهٔ گشت", "معرّف الجولة"),
    (
        "tour has errors",
        "This tour file has errors; fix it by hand first:",
        "این پروندهٔ گشت خطا دارد؛ نخست آن را درست کنید:",
        "في ملف الجولة أخطاء؛ أصلحه أولاً:",
    ),
    ("present tour", "Present (F5)", "نمایش (F5)", "عرض (F5)"),
    (
        "present hint",
        "Full screen; Right, Space or PageDown: next; Left or PageUp: back; Home, End; B: black screen; Esc leaves",
        "تمام‌صفحه؛ راست، فاصله یا PageDown: بعدی؛ چپ یا PageUp: قبلی؛ Home، End؛ B: صفحهٔ سیاه؛ Esc: خروج",
        "ملء الشاشة؛ يمين أو مسافة أو PageDown: التالي؛ يسار أو PageUp: السابق؛ Home، End؛ B: شاشة سوداء؛ Esc: خروج",
    ),
    (
        "add map view",
        "+ Add map view (Ctrl+Shift+N)",
        "+ افزودن نمای نقشه (Ctrl+Shift+N)",
        "+ إضافة مشهد الخريطة (Ctrl+Shift+N)",
    ),
    (
        "add map view hint",
        "Adds what the map shows now (focus, filters, camera) as a step after the selected one; Ctrl+Shift+N works on the map too",
        "آنچه نقشه اکنون نشان می‌دهد (کانون، پالایه‌ها، دوربین) را پس از گام برگزیده می‌افزاید؛ Ctrl+Shift+N روی نقشه هم کار می‌کند",
        "يضيف ما تعرضه الخريطة الآن (البؤرة والمرشحات والكاميرا) خطوةً بعد الخطوة المحددة؛ يعمل Ctrl+Shift+N على الخريطة أيضاً",
    ),
    ("undo", "Undo", "واگرد", "تراجع"),
    ("up", "Up", "بالا", "أعلى"),
    ("select step", "Select step", "گزینش گام", "اختيار الخطوة"),
    ("down", "Down", "پایین", "أسفل"),
    ("delete", "Delete", "حذف", "حذف"),
    ("export", "Export", "برون‌بری", "تصدير"),
    ("export tour", "Export tour", "برون‌بری گشت", "تصدير الجولة"),
    ("export step", "Export step", "برون‌بری گام", "تصدير الخطوة"),
    ("export map svg", "Export map as SVG", "برون‌بری نقشه به SVG", "تصدير الخريطة SVG"),
    ("export map png", "Export map as PNG", "برون‌بری نقشه به PNG", "تصدير الخريطة PNG"),
    ("export tour page", "Export tour as web page", "برون‌بری گشت به صفحهٔ وب", "تصدير الجولة صفحةَ ويب"),
    (
        "export tour page hint",
        "One HTML file with every step, for students: it opens in any browser, offline, and steps with the arrow keys",
        "یک پروندهٔ HTML با همهٔ گام‌ها، برای دانشجویان: در هر مرورگری بی‌اینترنت باز می‌شود و با کلیدهای جهت‌نما گام‌به‌گام پیش می‌رود",
        "ملف HTML واحد بكل الخطوات، للطلاب: يُفتح في أي متصفح دون إنترنت، ويُتصفَّح بمفاتيح الأسهم",
    ),
    (
        "export running",
        "Exporting… (the window can be used meanwhile)",
        "در حال برون‌بری… (در این میان می‌توان با پنجره کار کرد)",
        "جارٍ التصدير… (يمكن استخدام النافذة في الأثناء)",
    ),
    (
        "export stopped",
        "The export stopped before it was written.",
        "برون‌بری پیش از نوشته شدن متوقف شد.",
        "توقف التصدير قبل أن يُكتب.",
    ),
    ("export site", "Export web site for students", "برون‌بری وبگاه برای دانشجویان", "تصدير موقع ويب للطلاب"),
    (
        "export site hint",
        "The whole knowledge base as web pages in a folder of its own (diplomap-site): map, concepts, documents, abstracts, tours and an offline search",
        "همهٔ پایگاه دانش به شکل صفحه‌های وب در پوشه‌ای جدا (\u{2068}diplomap-site\u{2069}): نقشه، مفهوم‌ها، متن‌ها، چکیده‌ها، گشت‌ها و جست‌وجوی بی‌اینترنت",
        "قاعدة المعرفة كلها صفحاتِ ويب في مجلد خاص بها (\u{2068}diplomap-site\u{2069}): الخريطة والمفاهيم والنصوص والملخصات والجولات وبحث دون إنترنت",
    ),
    (
        "site folder not ours",
        "Not written: this folder is not an earlier diplomap site, and it is never replaced:",
        "نوشته نشد: این پوشه وبگاه پیشین دیپلومپ نیست و هرگز جایگزین نمی‌شود:",
        "لم يُكتب شيء: هذا المجلد ليس موقعاً سابقاً من ديبلوماب، ولا يُستبدَل أبداً:",
    ),
    ("exported to", "Exported to", "برون‌بری شد در", "صُدّر إلى"),
    (
        "no file dialog",
        "No file dialog could open here, so the export went to the exports folder.",
        "اینجا پنجرهٔ گزینش پرونده باز نشد؛ برون‌بری در پوشهٔ برون‌بری‌ها نوشته شد.",
        "تعذّر فتح نافذة اختيار الملفات هنا، فكُتب التصدير في مجلد التصدير.",
    ),
    (
        "export cancelled",
        "Export cancelled: nothing was written.",
        "برون‌بری لغو شد: چیزی نوشته نشد.",
        "أُلغي التصدير: لم يُكتب شيء.",
    ),
    ("files", "files", "پرونده", "ملفات"),
    (
        "no steps",
        "This tour has no steps yet: arrange the map and press Ctrl+Shift+N.",
        "این گشت هنوز گامی ندارد: نقشه را بچینید و Ctrl+Shift+N را بزنید.",
        "لا خطوات في هذه الجولة بعد: رتّب الخريطة واضغط Ctrl+Shift+N.",
    ),
    ("move step up", "Move step up", "بردن گام به بالا", "نقل الخطوة لأعلى"),
    ("move step down", "Move step down", "بردن گام به پایین", "نقل الخطوة لأسفل"),
    ("duplicate step", "Duplicate step", "رونوشت گام", "تكرار الخطوة"),
    ("delete step", "Delete step", "حذف گام", "حذف الخطوة"),
    ("caption of step", "Caption of step", "زیرنویس گام", "تعليق الخطوة"),
    ("caption", "Caption", "زیرنویس", "التعليق"),
    (
        "open a tour first",
        "Open a tour first (Tours), then add map views to it.",
        "نخست یک گشت را باز کنید (گشت‌ها)، سپس نمای نقشه را به آن بیفزایید.",
        "افتح جولة أولاً (الجولات)، ثم أضف إليها مشاهد الخريطة.",
    ),
    ("step added to", "Step added to", "گام افزوده شد به", "أضيفت خطوة إلى"),
    // The concept map.
    ("concept map", "Concept map", "نقشه مفهوم‌ها", "خريطة المفاهيم"),
    ("has notes", "has notes", "یادداشت دارد", "له ملاحظات"),
    ("zoom in", "Zoom in (+)", "بزرگ‌نمایی (+)", "تكبير (+)"),
    ("zoom out", "Zoom out (−)", "کوچک‌نمایی (−)", "تصغير (−)"),
    ("find on map", "Find on map", "یافتن روی نقشه", "البحث في الخريطة"),
    ("filters", "Filters", "پالایه‌ها", "المرشحات"),
    ("edge kinds", "Links", "پیوندها", "الروابط"),
    ("layout settling", "Arranging…", "در حال چیدن…", "جارٍ الترتيب…"),
    ("layout saved", "Pinned positions saved", "جای سنجاق‌شده‌ها ذخیره شد", "حُفظت المواضع المثبتة"),
    ("layout not saved", "Pinned positions not saved", "جای سنجاق‌شده‌ها ذخیره نشد", "لم تُحفظ المواضع المثبتة"),
    (
        "pinned help",
        "pinned (double-click to release)",
        "سنجاق‌شده (برای رها کردن دوبار بزنید)",
        "مثبّت (انقر مرتين للتحرير)",
    ),
    (
        "focus help",
        "Show the chosen concept and its neighbours",
        "نمایش مفهوم برگزیده و همسایه‌هایش",
        "عرض المفهوم المختار وجيرانه",
    ),
    ("close", "Close", "بستن", "إغلاق"),
    ("open concept", "Open concept page", "گشودن صفحه مفهوم", "فتح صفحة المفهوم"),
    ("focus here", "Focus on this concept", "کانون روی این مفهوم", "التركيز على هذا المفهوم"),
    ("unpin", "Release pin", "برداشتن سنجاق", "إزالة التثبيت"),
    ("less depth", "Fewer links around the focus", "پیوندهای کمتر پیرامون کانون", "روابط أقل حول التركيز"),
    ("more depth", "More links around the focus", "پیوندهای بیشتر پیرامون کانون", "روابط أكثر حول التركيز"),
    (
        "curated without evidence",
        "A curated relation of the catalog; no passage of the corpus mentions both concepts.",
        "رابطه‌ای گزیده از فهرست مفهوم‌ها؛ هیچ بخشی از پیکره از هر دو مفهوم یاد نمی‌کند.",
        "علاقة منسقة من الفهرس؛ لا يذكر أيّ مقطع من المدوّنة المفهومين معًا.",
    ),
    (
        "type to search",
        "Type to search the documents, concepts and notes.",
        "برای جست‌وجو در متن‌ها، مفهوم‌ها و یادداشت‌ها بنویسید.",
        "اكتب للبحث في الوثائق والمفاهيم والملاحظات.",
    ),
    (
        "unreadable notes",
        "Note files that could not be read",
        "پرونده‌های یادداشتِ ناخوانا",
        "ملفات ملاحظات تعذّرت قراءتها",
    ),
    ("language", "Language", "زبان", "اللغة"),
    ("all languages", "All languages", "همه زبان‌ها", "كل اللغات"),
    ("document", "Document", "متن", "الوثيقة"),
    ("all documents", "All documents", "همه متن‌ها", "كل الوثائق"),
    ("passage", "Passage", "بند", "مقطع"),
    ("concept", "Concept", "مفهوم", "مفهوم"),
    ("alias", "Other name", "نام دیگر", "اسم آخر"),
    ("note", "Note", "یادداشت", "ملاحظة"),
    (
        "repaired order",
        "Line read back into its order (it came out of a PDF in broken visual order). As stored:",
        "سطر به ترتیب درستش بازخوانده شده (از PDF با ترتیب دیداری آسیب‌دیده آمده بود). متن ذخیره‌شده:",
        "سطر أعيد إلى ترتيبه (خرج من PDF بترتيب مرئي تالف). كما هو مخزَّن:",
    ),
    ("show as stored", "Lines as stored", "سطرها به‌شکل ذخیره‌شده", "الأسطر كما خُزّنت"),
    (
        "map hint",
        "The map of the concepts (Ctrl+M from anywhere: the keyboard lands on a node, arrows move to its neighbours, Enter opens it)",
        "نقشهٔ مفهوم‌ها (Ctrl+M از هر جا: صفحه‌کلید روی یک گره می‌نشیند، پیکان‌ها به همسایه‌هایش می‌روند، Enter آن را باز می‌کند)",
        "خريطة المفاهيم (Ctrl+M من أي مكان: تستقر لوحة المفاتيح على عقدة، والأسهم تنتقل إلى جاراتها، وEnter يفتحها)",
    ),
    (
        "import hint",
        "Add a UTF-8 text file to the corpus (or drop one on the window)",
        "افزودن یک پرونده متنی UTF-8 به پیکره (یا رها کردن آن روی پنجره)",
        "إضافة ملف نصي بترميز UTF-8 إلى المدوّنة (أو إفلاته على النافذة)",
    ),
    ("import heading", "Import a document", "افزودن سند", "استيراد مستند"),
    (
        "no import dialog",
        "No file dialog could be opened on this desktop (no file chooser service is running). Type or paste the path of the file to import.",
        "پنجرهٔ انتخاب پرونده در این میزکار باز نشد (سرویس انتخاب پرونده در حال اجرا نیست). مسیر پرونده‌ای را که می‌خواهید بیفزایید بنویسید یا بچسبانید.",
        "تعذّر فتح نافذة اختيار الملفات على سطح المكتب هذا (لا تعمل خدمة اختيار الملفات). اكتب مسار الملف المراد استيراده أو الصقه.",
    ),
    ("path of the file", "Path of the file", "مسیر پرونده", "مسار الملف"),
    ("open file", "Open", "گشودن", "فتح"),
    ("import button", "Import", "افزودن", "استيراد"),
    ("cancel", "Cancel", "انصراف", "إلغاء"),
    ("replace file?", "Replace this file?", "این پرونده جایگزین شود؟", "أيُستبدل هذا الملف؟"),
    (
        "not an export",
        "It is not an earlier export of diplomap; replacing it loses what it holds:",
        "این پرونده برون‌بری پیشینِ diplomap نیست و با جایگزینی، آنچه در آن است از دست می‌رود:",
        "ليس تصديرًا سابقًا من diplomap، واستبداله يُضيّع ما فيه:",
    ),
    ("replace", "Replace", "جایگزین شود", "استبدله"),
    ("nothing written", "Nothing was written.", "چیزی نوشته نشد.", "لم يُكتب شيء."),
    ("lines", "Lines", "سطرها", "الأسطر"),
    // Accessible names of a section's line range in the import form, before its number.
    ("first line", "First line of section", "نخستین سطر بخش", "السطر الأول من القسم"),
    ("last line", "Last line of section", "واپسین سطر بخش", "السطر الأخير من القسم"),
    ("line", "line", "سطر", "السطر"),
    ("title fa", "Title (Persian)", "عنوان (فارسی)", "العنوان (فارسي)"),
    ("title ar", "Title (Arabic)", "عنوان (عربی)", "العنوان (عربي)"),
    ("title en", "Title (English)", "عنوان (انگلیسی)", "العنوان (إنجليزي)"),
    ("languages", "Languages", "زبان‌ها", "اللغات"),
    ("source kind", "Kind of source", "گونه منبع", "نوع المصدر"),
    ("source name", "Source", "منبع", "المصدر"),
    ("year", "Year", "سال", "السنة"),
    ("sections optional", "Sections (optional)", "بخش‌ها (اختیاری)", "الأقسام (اختياري)"),
    ("section id", "Section id", "شناسه بخش", "معرّف القسم"),
    ("add section", "Add a section", "افزودن بخش", "إضافة قسم"),
    ("remove", "Remove", "حذف", "حذف"),
    ("source paper", "Paper", "مقاله", "مقالة"),
    ("source news", "News", "خبر", "خبر"),
    ("source web page", "Web page", "صفحه وب", "صفحة ويب"),
    ("source proceedings", "Proceedings", "مجموعه مقالات همایش", "وقائع مؤتمر"),
    ("source book", "Book", "کتاب", "كتاب"),
    ("source other", "Other", "دیگر", "أخرى"),
    ("section title", "Title", "عنوان", "العنوان"),
    ("section abstract", "Abstract", "چکیده", "الملخص"),
    ("section keywords", "Keywords", "کلیدواژه‌ها", "الكلمات المفتاحية"),
    ("section contents", "Contents", "فهرست", "المحتويات"),
    ("section body", "Body", "متن اصلی", "المتن"),
    ("section references", "References", "منابع", "المراجع"),
    ("section other", "Other", "دیگر", "أخرى"),
];

/// The interface string for `key` in `lang`.
pub fn tr(lang: Lang, key: &'static str) -> &'static str {
    tr_dynamic(lang, key).unwrap_or(key)
}

/// `value` set apart from the interface sentence it is put in (between
/// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE): a path, an id or a
/// name keeps its own direction and order inside a Persian or Arabic
/// sentence, and what follows it (a count in parentheses) stays after it.
/// The marks are invisible; [`strip_isolates`] takes them out again.
pub fn isolate(value: impl std::fmt::Display) -> String {
    format!("\u{2068}{value}\u{2069}")
}

/// `text` without the directional isolates [`isolate`] put in (for what is
/// read out or copied rather than drawn).
pub fn strip_isolates(text: &str) -> std::borrow::Cow<'_, str> {
    match text.contains(ISOLATE_MARKS) {
        true => text.replace(ISOLATE_MARKS, "").into(),
        false => text.into(),
    }
}

/// LRI, RLI, FSI and PDI.
const ISOLATE_MARKS: [char; 4] = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}'];

/// `n` in the digits of the interface language (Persian ۰–۹, Arabic-Indic ٠–٩,
/// with the Arabic decimal separator).
/// "3 evidence" said as each language counts, in its digits, the number held
/// to its word by a no-break space: Persian «۳ شاهد», «بدون شاهد»; Arabic
/// with its dual and plural rules («شاهد واحد», «شاهدان», «٣ شواهد»,
/// «١١ شاهدًا», «بلا شواهد»).
pub fn evidence_count(lang: Lang, n: usize) -> String {
    const NBSP: char = '\u{a0}';
    match (lang, n) {
        (Lang::En, _) => format!("{n}{NBSP}evidence"),
        (Lang::Fa, 0) => format!("بدون{NBSP}شاهد"),
        (Lang::Fa, _) => format!("{}{NBSP}شاهد", number(lang, n)),
        (Lang::Ar, 0) => format!("بلا{NBSP}شواهد"),
        (Lang::Ar, 1) => format!("شاهد{NBSP}واحد"),
        (Lang::Ar, 2) => "شاهدان".to_string(),
        (Lang::Ar, 3..=10) => format!("{}{NBSP}شواهد", number(lang, n)),
        (Lang::Ar, _) => format!("{}{NBSP}شاهدًا", number(lang, n)),
    }
}

/// The name of a cluster drawn on a zoomed-out map: its leading concept's
/// name and how many more it holds («اینترپل و ۴۱ مورد دیگر», "INTERPOL and
/// 41 more"; Arabic in a form that needs no agreement with the number,
/// «الإنتربول ومفاهيم أخرى (٤١)»), `members` counting the leader.
pub fn cluster_label(lang: Lang, name: &str, members: usize) -> String {
    let more = number(lang, members.saturating_sub(1));
    match lang {
        Lang::En => format!("{} and {more} more", isolate(name)),
        Lang::Fa => format!("{} و {more} مورد دیگر", isolate(name)),
        Lang::Ar => format!("{} ومفاهيم أخرى ({more})", isolate(name)),
    }
}

pub fn number(lang: Lang, n: impl std::fmt::Display) -> String {
    let zero = match lang {
        Lang::En => return n.to_string(),
        Lang::Fa => '۰',
        Lang::Ar => '٠',
    };
    n.to_string()
        .chars()
        .map(|c| match c {
            '.' => '٫',
            _ => c.to_digit(10).and_then(|d| char::from_u32(zero as u32 + d)).unwrap_or(c),
        })
        .collect()
}

/// `text` with Persian and Arabic-Indic digits (and the Arabic decimal
/// separator) as Western ones, for parsing what was typed in any of them;
/// the inverse of [`number`].
pub fn western_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10).unwrap_or(c),
            '٠'..='٩' => char::from_digit(c as u32 - '٠' as u32, 10).unwrap_or(c),
            '٫' => '.',
            other => other,
        })
        .collect()
}

/// A section's name in the interface language: its kind (or, for other
/// sections, its id) and the language it is in, e.g. "Abstract (Persian)".
pub fn section_name(lang: Lang, section: &crate::corpus::Section) -> String {
    use crate::corpus::SectionKind;
    let kind = match section.kind {
        SectionKind::Title => tr(lang, "section Title"),
        SectionKind::Abstract => tr(lang, "section Abstract"),
        SectionKind::Keywords => tr(lang, "section Keywords"),
        SectionKind::Contents => tr(lang, "section Contents"),
        // A body in parts (an overview, joint statements) names each part.
        SectionKind::Body => known_section_name(lang, &section.id).unwrap_or_else(|| tr(lang, "section Body")),
        SectionKind::References => tr(lang, "section References"),
        SectionKind::Other => other_section_name(lang, &section.id),
    };
    let in_lang = match (section.kind, section.lang) {
        (SectionKind::Title | SectionKind::Abstract | SectionKind::Keywords, Some(text_lang)) => text_lang,
        _ => return kind.to_string(),
    };
    format!("{kind} ({})", tr(lang, lang_key(in_lang)))
}

/// The name of language `of` in the interface language `lang` ("Persian",
/// «فارسی», «الفارسية»): what the interface shows instead of a code.
pub fn language_in(lang: Lang, of: Lang) -> &'static str {
    tr(lang, lang_key(of))
}

fn other_section_name(lang: Lang, id: &str) -> &str {
    known_section_name(lang, id).unwrap_or(id)
}

/// The interface's name for a section id it knows ("overview", "header"…).
fn known_section_name(lang: Lang, id: &str) -> Option<&'static str> {
    let known = ["front-matter", "header", "page-footer", "joint-statements", "overview"];
    let id = known.iter().find(|k| **k == id)?;
    tr_dynamic(lang, &format!("section {id}"))
}

fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Fa => "lang Fa",
        Lang::Ar => "lang Ar",
        Lang::En => "lang En",
    }
}

/// `tr` for a key built at run time; `None` when the table lacks it.
fn tr_dynamic(lang: Lang, key: &str) -> Option<&'static str> {
    let &(_, en, fa, ar) = STRINGS.iter().find(|(k, ..)| *k == key)?;
    Some(match lang {
        Lang::En => en,
        Lang::Fa => fa,
        Lang::Ar => ar,
    })
}

/// The grammatical gender of a concept's Arabic name, which Arabic verbs and
/// pronouns agree with (Persian and English rows need none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Masculine,
    Feminine,
}

impl Gender {
    /// The gender of an Arabic name, from its head word: feminine when it ends
    /// in ة or in the plural ات, or when a definite head is followed by a
    /// definite adjective ending in ة (الأمم المتحدة); masculine otherwise.
    pub fn of_arabic(name: &str) -> Gender {
        let mut words = name.split_whitespace();
        let Some(head) = words.next() else { return Gender::Masculine };
        let feminine = |word: &str| word.ends_with('ة') || word.ends_with("ات");
        let definite = |word: &str| word.starts_with("ال");
        let agreeing = words.next().is_some_and(|next| definite(head) && definite(next) && feminine(next));
        if feminine(head) || agreeing { Gender::Feminine } else { Gender::Masculine }
    }
}

/// How a relation `source --kind--> target` is read: from the page of its
/// source ("counters terrorism") or from the page of its target ("countered by
/// INTERPOL").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// From the source's page: the other concept is the target.
    Active,
    /// From the target's page: the other concept is the source.
    Inverse,
}

/// A piece of a relation phrase: interface words, or the other concept's name
/// (to be laid out as its own isolated run, never spliced into the words).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'n> {
    Words(&'static str),
    Name(&'n str),
}

/// The phrases of each relation kind read from either end, as templates: `{}`
/// is the other concept's name; in Arabic `[m|f]` agrees with the page's
/// concept and `<m|f>` with the other one. (kind, reading, English, Persian, Arabic)
const RELATION_PHRASES: &[(crate::catalog::RelationKind, Reading, &str, &str, &str)] = {
    use crate::catalog::RelationKind as K;
    use Reading::{Active as A, Inverse as I};
    &[
        (K::Counters, A, "counters {}", "با {} مقابله می‌کند", "[يكافح|تكافح] {}"),
        (K::Counters, I, "countered by {}", "{} با آن مقابله می‌کند", "<يكافح|تكافح>[ه|ها] {}"),
        (K::MemberOf, A, "member of {}", "عضو {} است", "عضو في {}"),
        (K::MemberOf, I, "has {} as a member", "{} عضو آن است", "{} عضو [فيه|فيها]"),
        (K::PartnerOf, A, "partner of {}", "شریک {} است", "في شراكة مع {}"),
        (K::PartnerOf, I, "partner of {}", "شریک {} است", "في شراكة مع {}"),
        (K::ObserverOf, A, "observer at {}", "عضو ناظر {} است", "عضو مراقب في {}"),
        (K::ObserverOf, I, "has {} as an observer", "{} عضو ناظر آن است", "{} عضو مراقب [فيه|فيها]"),
        (K::WorksThrough, A, "works through {}", "از راه {} کار می‌کند", "[يعمل|تعمل] من خلال {}"),
        (K::WorksThrough, I, "a channel for {}", "{} از راه آن کار می‌کند", "<يعمل|تعمل> {} من [خلاله|خلالها]"),
        (K::PartOf, A, "part of {}", "بخشی از {} است", "جزء من {}"),
        (K::PartOf, I, "includes {}", "{} را در بر می‌گیرد", "{} جزء [منه|منها]"),
        (K::Fuels, A, "fuels {}", "به {} دامن می‌زند", "[يغذي|تغذي] {}"),
        (K::Fuels, I, "fuelled by {}", "{} به آن دامن می‌زند", "<يغذي|تغذي>[ه|ها] {}"),
        (K::Serves, A, "serves {}", "در خدمت {} است", "[يخدم|تخدم] {}"),
        (K::Serves, I, "served by {}", "{} در خدمت آن است", "<يخدم|تخدم>[ه|ها] {}"),
        (K::RelatedTo, A, "related to {}", "با {} مرتبط است", "على صلة بـ{}"),
        (K::RelatedTo, I, "related to {}", "با {} مرتبط است", "على صلة بـ{}"),
    ]
};

/// Two concepts mentioned together, read from either one (no direction).
const CO_OCCURRENCE_PHRASE: (&str, &str, &str) = ("mentioned together with {}", "همراه {} آمده است", "ذِكر مشترك مع {}");

/// A concept in a relation phrase: its name in the interface language and the
/// gender of its Arabic name.
#[derive(Debug, Clone, Copy)]
pub struct Party<'n> {
    pub name: &'n str,
    pub gender: Gender,
}

/// The edge `kind` read from the page of `page` towards `other`, as pieces in
/// logical order: a true sentence about the page's concept in `lang`, e.g.
/// "countered by INTERPOL", «اینترپل با آن مقابله می‌کند», «يكافحه الإنتربول».
/// `reading` is ignored for undirected co-occurrence. One function for every
/// place that lists relations (the concept page, the map's evidence panel,
/// the site's concept pages).
pub fn relation_phrase<'n>(
    lang: Lang,
    kind: crate::index::EdgeKind,
    reading: Reading,
    page: Gender,
    other: Party<'n>,
) -> Vec<Piece<'n>> {
    let template = match kind {
        crate::index::EdgeKind::Relation(kind) => relation_template(lang, kind, reading),
        crate::index::EdgeKind::CoOccurrence => pick(lang, CO_OCCURRENCE_PHRASE),
    };
    let template = template.unwrap_or("{}");
    let mut pieces = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let cut = rest.find(['{', '[', '<']).unwrap_or(rest.len());
        if cut > 0 {
            pieces.push(Piece::Words(&rest[..cut]));
        }
        rest = &rest[cut..];
        let (close, gender) = match rest.chars().next() {
            Some('{') => ('}', None),
            Some('[') => (']', Some(page)),
            Some('<') => ('>', Some(other.gender)),
            _ => break,
        };
        let Some(end) = rest.find(close) else { break };
        let inner = &rest[1..end];
        match gender {
            None => pieces.push(Piece::Name(other.name)),
            Some(gender) => {
                let (masculine, feminine) = inner.split_once('|').unwrap_or((inner, inner));
                pieces.push(Piece::Words(if gender == Gender::Feminine { feminine } else { masculine }));
            }
        }
        rest = &rest[end + close.len_utf8()..];
    }
    pieces
}

/// The pieces of a phrase as one plain string (an accessible label, a test).
/// Adjacent words pieces (a verb and its gendered ending) join as written.
pub fn phrase_text(pieces: &[Piece<'_>]) -> String {
    pieces
        .iter()
        .map(|piece| match piece {
            Piece::Words(words) | Piece::Name(words) => *words,
        })
        .collect()
}

fn relation_template(lang: Lang, kind: crate::catalog::RelationKind, reading: Reading) -> Option<&'static str> {
    let &(.., en, fa, ar) = RELATION_PHRASES.iter().find(|(k, r, ..)| *k == kind && *r == reading)?;
    pick(lang, (en, fa, ar))
}

fn pick(lang: Lang, (en, fa, ar): (&'static str, &'static str, &'static str)) -> Option<&'static str> {
    Some(match lang {
        Lang::En => en,
        Lang::Fa => fa,
        Lang::Ar => ar,
    })
}

/// The name of a language in that language, for the language switcher.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Fa => "فارسی",
        Lang::Ar => "العربية",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_counted_as_each_language_counts() {
        let said = |lang, n| evidence_count(lang, n).replace('\u{a0}', " ");
        assert_eq!(said(Lang::Fa, 3), "۳ شاهد");
        assert_eq!(said(Lang::Fa, 0), "بدون شاهد");
        let arabic: Vec<String> = [0, 1, 2, 3, 10, 11, 25].map(|n| said(Lang::Ar, n)).to_vec();
        assert_eq!(arabic, ["بلا شواهد", "شاهد واحد", "شاهدان", "٣ شواهد", "١٠ شواهد", "١١ شاهدًا", "٢٥ شاهدًا"]);
        assert_eq!(said(Lang::En, 2), "2 evidence");
    }

    #[test]
    fn every_string_is_translated() {
        for (key, en, fa, ar) in STRINGS {
            assert!(!en.is_empty() && !fa.is_empty() && !ar.is_empty(), "{key}");
        }
        let keys: std::collections::HashSet<_> = STRINGS.iter().map(|(k, ..)| k).collect();
        assert_eq!(keys.len(), STRINGS.len(), "duplicate keys");
    }

    /// The runs of `text` laid out on one line, left to right, as text.
    fn visual_runs(text: &str) -> Vec<String> {
        use crate::text::bidi_layout::{LayoutOptions, ParagraphDirection, layout_paragraph};
        let options = LayoutOptions::unbounded(ParagraphDirection::Auto);
        let layout = layout_paragraph(text, &[], &options, &mut |t: &str, _| t.chars().count() as f32);
        layout
            .lines()
            .iter()
            .flat_map(|line| &line.runs)
            .map(|run| strip_isolates(&text[run.range.clone()]).into())
            .collect()
    }

    #[test]
    fn an_isolated_path_keeps_its_order_in_a_persian_sentence() {
        let path = "/home/u/Documents/diplomap-exports/map-1.png";
        let joined = format!("{} {path}", tr(Lang::Fa, "exported to"));
        assert!(!visual_runs(&joined).iter().any(|run| run == path), "without the isolate the leading / strays");
        let isolated = format!("{} {}", tr(Lang::Fa, "exported to"), isolate(path));
        let runs = visual_runs(&isolated);
        assert!(runs.iter().any(|run| run.trim() == path), "{runs:?}");
        // A count after an id stays after it (to its left in Persian).
        let step =
            format!("{} {} ({})", tr(Lang::Fa, "step added to"), isolate("police-diplomacy"), number(Lang::Fa, 11));
        let runs = visual_runs(&step);
        let id_at = runs.iter().position(|r| r.contains("police-diplomacy")).unwrap();
        let count_at = runs.iter().position(|r| r.contains('۱')).unwrap();
        assert!(count_at < id_at, "{runs:?}");
        assert_eq!(strip_isolates(&isolated), joined);
    }

    #[test]
    fn every_relation_kind_reads_from_both_ends_in_every_language() {
        use crate::catalog::RelationKind;
        use crate::index::EdgeKind;
        let kinds = RelationKind::ALL.map(EdgeKind::Relation).into_iter().chain([EdgeKind::CoOccurrence]);
        for kind in kinds {
            for reading in [Reading::Active, Reading::Inverse] {
                for lang in [Lang::En, Lang::Fa, Lang::Ar] {
                    if let EdgeKind::Relation(relation) = kind {
                        let template = relation_template(lang, relation, reading);
                        assert!(
                            template.is_some_and(|t| t.matches("{}").count() == 1),
                            "{kind:?} {reading:?} {lang:?}"
                        );
                    }
                    for (page, other) in [(Gender::Masculine, Gender::Feminine), (Gender::Feminine, Gender::Masculine)]
                    {
                        let pieces = relation_phrase(lang, kind, reading, page, Party { name: "NAME", gender: other });
                        let names = pieces.iter().filter(|p| matches!(p, Piece::Name("NAME"))).count();
                        assert_eq!(names, 1, "{kind:?} {reading:?} {lang:?}: {pieces:?}");
                        let text = phrase_text(&pieces);
                        let words = text.replace("NAME", "");
                        assert!(words.trim().chars().any(char::is_alphabetic), "{kind:?} {reading:?} {lang:?}: {text}");
                        assert!(!words.contains(['{', '}', '[', ']', '<', '>', '|']), "{kind:?} {lang:?}: {text}");
                        // Interface words are in the interface's script only;
                        // the name is the only piece that may be in another.
                        let latin = words.chars().any(|c| c.is_ascii_alphabetic());
                        assert_eq!(latin, lang == Lang::En, "{kind:?} {reading:?} {lang:?}: {text}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_relation_reads_as_a_true_sentence_from_either_end() {
        use crate::catalog::RelationKind;
        use crate::index::EdgeKind;
        let counters = EdgeKind::Relation(RelationKind::Counters);
        let phrase = |lang, reading, page: &str, name, other: &str| {
            let other = Party { name, gender: Gender::of_arabic(other) };
            phrase_text(&relation_phrase(lang, counters, reading, Gender::of_arabic(page), other))
        };
        let interpol = "الإنتربول";
        assert_eq!(phrase(Lang::En, Reading::Active, interpol, "terrorism", "الإرهاب"), "counters terrorism");
        assert_eq!(phrase(Lang::En, Reading::Inverse, "الإرهاب", "INTERPOL", interpol), "countered by INTERPOL");
        assert_eq!(phrase(Lang::Fa, Reading::Inverse, "الإرهاب", "اینترپل", interpol), "اینترپل با آن مقابله می‌کند");
        assert_eq!(phrase(Lang::Fa, Reading::Active, interpol, "تروریسم", "الإرهاب"), "با تروریسم مقابله می‌کند");
        assert_eq!(phrase(Lang::Ar, Reading::Inverse, "الإرهاب", interpol, interpol), "يكافحه الإنتربول");
        assert_eq!(phrase(Lang::Ar, Reading::Active, interpol, "الإرهاب", "الإرهاب"), "يكافح الإرهاب");
        // The verb agrees with its subject, the pronoun with the page's concept.
        let police = "الدبلوماسية الشرطية";
        assert_eq!(
            phrase(Lang::Ar, Reading::Inverse, "الجريمة المنظمة", police, police),
            "تكافحها الدبلوماسية الشرطية"
        );
        assert_eq!(phrase(Lang::Ar, Reading::Active, police, "الإرهاب", "الإرهاب"), "تكافح الإرهاب");
        let fuels = EdgeKind::Relation(RelationKind::Fuels);
        let other = Party { name: "drug trafficking", gender: Gender::Masculine };
        assert_eq!(
            phrase_text(&relation_phrase(Lang::En, fuels, Reading::Inverse, Gender::Masculine, other)),
            "fuelled by drug trafficking"
        );
    }

    #[test]
    fn arabic_names_have_the_gender_of_their_head() {
        for name in
            ["الإرهاب", "الإنتربول", "الاتجار بالمخدرات", "مكتب الأمم المتحدة المعني بالمخدرات والجريمة", "الأمن القومي"]
        {
            assert_eq!(Gender::of_arabic(name), Gender::Masculine, "{name}");
        }
        for name in ["الجريمة المنظمة", "منظمة شنغهاي للتعاون", "الأمم المتحدة", "البلديات", "الأسلحة النووية"]
        {
            assert_eq!(Gender::of_arabic(name), Gender::Feminine, "{name}");
        }
        assert_eq!(Gender::of_arabic(""), Gender::Masculine);
    }

    #[test]
    fn the_parts_of_a_body_are_told_apart() {
        use crate::corpus::{Section, SectionKind};
        let body = |id: &str| Section { id: id.into(), kind: SectionKind::Body, lang: Some(Lang::Ar), lines: (1, 2) };
        assert_eq!(section_name(Lang::Ar, &body("overview")), "نظرة عامة");
        assert_eq!(section_name(Lang::Ar, &body("joint-statements")), "البيانات المشتركة");
        assert_eq!(section_name(Lang::Ar, &body("body")), tr(Lang::Ar, "section Body"));
    }

    #[test]
    fn numbers_take_the_digits_of_the_interface_language() {
        assert_eq!(number(Lang::En, 40), "40");
        assert_eq!(number(Lang::Fa, 1391), "۱۳۹۱");
        assert_eq!(number(Lang::Ar, 2.5), "٢٫٥");
    }
}
