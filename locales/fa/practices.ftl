## Shared words

list-separator = {"، "}
quoted = «{ $text }»
practices-counted = { $count } تجربه
search-label = جست‌وجو در تجربه‌ها
search-button = جست‌وجو
breadcrumb = مسیر صفحه
practice = تجربه
institution = سازمان
country = کشور
competition = رقابت
summary = خلاصه
classification = دسته‌بندی
approach = رویکرد
to-be-announced = اعلام خواهد شد
pages = صفحه‌ها
page-previous = قبلی
page-previous-hidden = (صفحه)
page-next = بعدی
page-next-hidden = (صفحه)
page-hidden = صفحهٔ
title-page = ، صفحهٔ { $page }

## Home

home-title = تجربه‌های موفق در تأمین اجتماعی
home-lead = پایگاه دادهٔ عمومی تجربه‌هایی که سازمان‌های تأمین اجتماعی به جوایز منطقه‌ای تجربهٔ موفق ارسال کرده‌اند: اینکه چگونه پوشش را گسترش دادند، خدمات را بهبود بخشیدند و با فناوری اطلاعات و ارتباطات نوآوری کردند؛ هر یک را یک هیئت داوران بین‌المللی سنجیده و بر پایهٔ چارچوب مرکز تحقیقات مشترک برای نوآوری اجتماعی به کمک فناوری اطلاعات و ارتباطات دسته‌بندی شده است.
home-search-placeholder = برای نمونه: مستمری، بازگشت به کار، تلفن همراه
home-stats = { $practices } تجربه از { $institutions } سازمان در { $countries } کشور.
home-winners = تازه‌ترین برندگان
home-no-winners = هنوز هیچ جایزه‌ای اعلام نشده است.
home-by-region = مرور بر اساس منطقه
home-by-topic = مرور بر اساس موضوع

## The list

list-title-search = «{ $text }» در پایگاه تجربه‌ها
feed-of-list = تازه‌ترین تجربه‌های این فهرست
feed-title = تازه‌ترین تجربه‌های موفق در تأمین اجتماعی
sort-by = مرتب‌سازی بر اساس
sort-relevance = ارتباط
sort-newest = نخست تازه‌ترین‌ها
sort-title = عنوان (الفبایی)
jump-to-filters = رفتن به پالایه‌ها
no-practice-found = هیچ تجربه‌ای پیدا نشد
showing-range = ، نمایش { $first } تا { $last }
no-match-text-filters = هیچ تجربه‌ای با «{ $text }» و این پالایه‌ها جور نیست.
no-match-text = هیچ تجربه‌ای با «{ $text }» جور نیست.
no-match-filters = هیچ تجربه‌ای با این پالایه‌ها جور نیست.
hint-remove-filter = برای گسترش جست‌وجو یکی از پالایه‌های بالا را بردارید.
hint-fewer-words = واژه‌های کمتر یا کلی‌تری را امتحان کنید؛ همهٔ واژه‌ها باید در تجربه آمده باشند.
browse-all = مرور همهٔ تجربه‌ها
filters-title = پالایش تجربه‌ها
filters-hint = مقدارهای یک پالایه با «یا» و پالایه‌های گوناگون با «و» ترکیب می‌شوند. شمارش‌ها نشان می‌دهند هر انتخاب چه نتیجه‌ای می‌دهد.
show-all = نمایش هر { $count } مورد
apply-filters = اعمال پالایه‌ها
active-filters = پالایه‌های فعال:
remove-filter = (برداشتن این پالایه)
clear-filters = پاک کردن جست‌وجو و همهٔ پالایه‌ها
views-of-these = نماهای این تجربه‌ها
view-list = فهرست
download = بارگیری:
atom-feed = خوراک Atom
practices-matching = تجربه‌های مطابق با:

facet-region = منطقه
facet-country = کشور
facet-topic = موضوع
facet-award = جایزه
facet-year = سال رقابت
facet-innovation = نوع نوآوری به کمک فناوری اطلاعات و ارتباطات
facet-governance = سطح حکمرانی یکپارچگی
facet-integration = نوع یکپارچگی خدمات
facet-element = عنصر نوآوری اجتماعی
facet-impact = حوزهٔ اثرگذاری
facet-language = زبان
facet-organisation = سازمان

## A practice

jointly-with = به همراه
implemented-since = اجراشده از
entry-language = زبان طرح
section-challenge = چالش
section-solution = راه‌حل و اجرا
section-results = نتایج به‌دست‌آمده
section-innovation = نوآوری
section-sustainability = پایداری
section-replicability = تکرارپذیری
classification-topics = موضوع‌ها
classification-elements = عناصر نوآوری اجتماعی
classification-integrations = انواع یکپارچگی خدمات
dimension-governance = سطح حکمرانی یکپارچگی خدمات
related-practices = تجربه‌های مرتبط
mini-map-title = جایگاه در چارچوب IESI
mini-map-innovation = نوآوری
mini-map-integration = یکپارچگی
mini-map-same-cell = تجربه‌های همان خانه
mini-map-link = نقشهٔ چارچوب

## An institution

institution-kind = نوع
institution-practices = { $count } تجربه، به‌تنهایی یا مشترک
institution-no-practice = این سازمان هنوز هیچ تجربهٔ منتشرشده‌ای ندارد.
institution-browse = جست‌وجو و پالایش این تجربه‌ها در پایگاه

## The framework map

framework-title = نقشهٔ چارچوب IESI
framework-heading = نقشهٔ چارچوب IESI
framework-description = جایگاه { $counted } موفق در تأمین اجتماعی{ $scope } در چارچوب مرکز تحقیقات مشترک برای نوآوری اجتماعی به کمک فناوری اطلاعات و ارتباطات: نوع نوآوری در برابر سطح حکمرانی یکپارچگی خدمات، بر اساس حوزهٔ اثرگذاری.
framework-lead = چارچوب مرکز تحقیقات مشترک برای نوآوری اجتماعی به کمک فناوری اطلاعات و ارتباطات هر تجربه را روی یک صفحهٔ مختصات می‌نشاند: کاربرد فناوری در آن چقدر بنیادین است و خدمات را تا چه اندازه میان سازمان‌ها یکپارچه می‌کند. هر خانه تجربه‌های خود را می‌شمارد و آن‌ها را بر اساس حوزهٔ اثرگذاری تقسیم می‌کند؛ برای دیدن فهرست، خانه را دنبال کنید.
framework-on-plane = { $counted } روی صفحه
framework-plane-title = تجربه‌ها بر اساس نوع نوآوری به کمک فناوری اطلاعات و ارتباطات و سطح حکمرانی یکپارچگی خدمات
framework-plane-desc = انواع نوآوری از فنی یا تدریجی در سمت چپ تا تحولی در سمت راست، و سطوح حکمرانی از جداگانه در پایین تا گسترده در بالا چیده شده‌اند. هر خانه پیوندی به تجربه‌های آن است.
framework-position = نوآوری: { $innovation }؛ یکپارچگی: { $governance }
framework-cell = { $position }: { $counted }
framework-counted = { $counted }: { $split }
framework-impact-count = { $count } { $impact }
framework-mini-description = { $position }؛ اثرگذاری بر { $impact }
framework-legend = عدد هر خانه شمار تجربه‌های آن است؛ هرچه خانه تیره‌تر باشد، تجربه‌های بیشتری دارد. نوار و دو عدد زیر آن، تجربه‌ها را بر اساس حوزهٔ اثرگذاری تقسیم می‌کنند:
framework-legend-delivery = بخش چپ و عدد نخست: ارائهٔ خدمات اجتماعی بخش عمومی
framework-legend-value = بخش راست و عدد دوم: ایجاد ارزش عمومی
framework-table = همین اعداد در قالب جدول
framework-table-caption = تجربه‌ها بر اساس سطح حکمرانی (سطرها) و نوع نوآوری به کمک فناوری اطلاعات و ارتباطات (ستون‌ها)؛ در پرانتز: ارائهٔ خدمات اجتماعی بخش عمومی + ایجاد ارزش عمومی
governance-level = سطح حکمرانی
framework-dimensions = ابعاد چارچوب
framework-innovation-across = نوع نوآوری به کمک فناوری اطلاعات و ارتباطات (محور افقی)
framework-governance-up = سطح حکمرانی یکپارچگی خدمات (محور عمودی)
innovation-type-incremental-about = فناوری اطلاعات و ارتباطات کارهای موجود را خودکار می‌کند و بهره‌وری را بالا می‌برد.
innovation-type-sustaining-about = شکل‌های تازهٔ سازمانی، روش‌ها، همکاری‌ها و الگوهای کسب‌وکار یا تأمین مالی.
innovation-type-disruptive-about = خدمات یا سازوکارهای ارائه‌ای که بدون فناوری اطلاعات و ارتباطات ممکن نبودند.
innovation-type-transformative-about = دگرگونی بنیادین در شیوهٔ ارائهٔ خدمات، اغلب بیرون از نهادهای موجود: مفهومی تازه از خدمت.
governance-level-segregated-about = یک سازمان به‌تنهایی خدمت را ارائه می‌کند.
governance-level-intra-governmental-about = یکپارچگی در یک سطح از دولت: مدیریت موردی، پنجرهٔ واحد، یکپارچگی دفاتر پشتیبانی.
governance-level-inter-governmental-about = چند سطح از دولت: پایگاه‌های دادهٔ مشترک، مدیریت موردی هماهنگ.
governance-level-cross-sectoral-about = دولت همراه با ارائه‌دهندگان خصوصی یا غیرانتفاعی.
governance-level-extended-about = فراتر از مرزهای عملیاتی: خدماتی که با مشارکت خود مستفیدان تولید می‌شوند.
impact-area-service-delivery-about = این تجربه شیوهٔ رسیدن خدمات اجتماعی به مردم را تغییر می‌دهد.
impact-area-public-value-about = این تجربه ارزش عمومی می‌آفریند: دسترسی به خدمات، رضایت، اهمیت، انصاف و هزینه.

## Statistics

statistics-description = { $counted } موفق در تأمین اجتماعی{ $scope } بر اساس منطقه، سال رقابت، موضوع، جایزه، نوع نوآوری به کمک فناوری اطلاعات و ارتباطات و نوع یکپارچگی خدمات.
statistics-lead = { $counted } بر اساس منطقه، سال رقابت، موضوع، جایزه، نوع نوآوری و نوع یکپارچگی خدمات. تجربه‌ای که چند موضوع، جایزه یا نوع یکپارچگی دارد، زیر هر یک شمرده می‌شود. برای دیدن تجربه‌های هر نوار، آن را دنبال کنید.
statistics-filters = هر نمودار همهٔ پالایه‌ها را جز پالایهٔ خودش اعمال می‌کند؛ بنابراین نمودار یک بُعد پالایش‌شده همچنان همهٔ مقدارهایش را مقایسه می‌کند: نوارها نشان می‌دهند هر مقدار چه نتیجه‌ای می‌دهد.
statistics-empty = هنوز هیچ تجربه‌ای در این بخش مقداری ندارد.
statistics-table = اعداد در قالب جدول
statistics-value = مقدار
statistics-practices = تجربه‌ها
statistics-bar = { $label }: { $counted }
statistics-by-region = تجربه‌ها بر اساس منطقه
statistics-by-year = تجربه‌ها بر اساس سال رقابت
statistics-by-topic = تجربه‌ها بر اساس موضوع
statistics-by-award = تجربه‌ها بر اساس جایزه
statistics-by-innovation = تجربه‌ها بر اساس نوع نوآوری به کمک فناوری اطلاعات و ارتباطات
statistics-by-integration = تجربه‌ها بر اساس نوع یکپارچگی خدمات

## Competitions

competitions-description = رقابت‌های منطقه‌ای جوایز تجربهٔ موفق: فراخوان‌ها، مهلت‌ها و نتایج.
competitions-none = هنوز هیچ رقابتی اعلام نشده است.
entries-until = مهلت ارسال طرح تا { $deadline }
phase = مرحله
opens = آغاز
submission-deadline = مهلت ارسال
review-until = داوری تا
results = نتایج
participation = { $entries } طرح از { $institutions } سازمان در { $countries } کشور.
other-practices = دیگر تجربه‌های این رقابت
the-call = فراخوان
how-judged = شیوهٔ داوری طرح‌ها
how-judged-text = به هر معیار نمره‌ای از { $scale } داده می‌شود؛ وزن‌ها نشان می‌دهند هر معیار چه سهمی در مجموع دارد.
scale-range = { $min } تا { $max }
weight = وزن { $weight }
enter-practice = ارسال یک تجربه

practice-documents = اسناد
search-showing-results-for = نتایج برای «{ $text }».
search-exact-instead = جست‌وجوی دقیقِ «{ $text }»
search-index-building = نمایهٔ جست‌وجو در حال ساخته شدن است: ممکن است تا چند دقیقه برخی تجربه‌ها در نتایج نباشند.
certificate-heading = گواهی‌نامه
certificate-presented-to = اعطا می‌شود به
certificate-for-the-practice = برای تجربهٔ خوب
certificate-in-the-competition = در
certificate-and = {" و "}
certificate-competition-of-year = جایزهٔ تجربه‌های خوب ایسا { $year }
certificate-download = دریافت گواهی‌نامه (PDF)
cite-heading = شیوهٔ ارجاع به این تجربه
cite-text = { $institution } ({ $year }). { $title }. { $portal }. { $url } (دسترسی در { $date }).
cite-download = برای نرم‌افزار مدیریت منابع:

## The world map

map-description = تجربه‌های خوب تأمین اجتماعی بر نقشهٔ جهان: { $counted }{ $scope } بر پایهٔ کشور هر نهاد.
map-lead = { $counted }، بر پایهٔ کشور نهادهایی که آن‌ها را اجرا کرده‌اند (تجربهٔ چند نهاد در کشور هر یک شمرده می‌شود). نقشه همهٔ پالایه‌ها جز کشور را به کار می‌برد تا همچنان همهٔ کشورها را مقایسه کند. برای دیدن فهرست تجربه‌های هر کشور، روی آن بزنید.
map-range = { $from }–{ $to }
map-legend = تجربه‌ها در هر کشور:
map-source = مرزها: Natural Earth (مالکیت عمومی). کشورهایی که در این اندازه دیده نمی‌شوند با دایره نشان داده شده‌اند.
map-table = تجربه‌ها به تفکیک کشور
