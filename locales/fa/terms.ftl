## Region

region-africa = آفریقا
region-americas = قارهٔ آمریکا
region-asia-pacific = آسیا و اقیانوسیه
region-europe = اروپا

## OrganisationKind

organisation-kind-social-security-institution = سازمان تأمین اجتماعی
organisation-kind-pension-fund = صندوق بازنشستگی
organisation-kind-health-insurance = صندوق بیمهٔ سلامت
organisation-kind-occupational-risk-insurer = بیمه‌گر خطرات شغلی
organisation-kind-ministry = وزارتخانه یا دستگاه دولتی
organisation-kind-mutual-benefit-society = انجمن حمایت متقابل
organisation-kind-non-profit-provider = ارائه‌دهندهٔ غیرانتفاعی خدمات

## Topic

topic-actuarial = محاسبات بیمه‌ای
topic-communication = ارتباطات
topic-compliance = انطباق و وصول حق بیمه
topic-continuity = تداوم و تاب‌آوری
topic-demographic-changes = تحولات جمعیتی
topic-digital-economy = اقتصاد دیجیتال
topic-disability = از کارافتادگی
topic-employment = اشتغال
topic-error-evasion-fraud = خطا، فرار و تقلب
topic-extension-of-coverage = گسترش پوشش
topic-family-benefits = مزایای خانواده
topic-governance = حکمرانی و اداره
topic-health = سلامت
topic-human-resources = مدیریت منابع انسانی
topic-ict = فناوری اطلاعات و ارتباطات
topic-investment = سرمایه‌گذاری
topic-maternity = بارداری و زایمان
topic-migration = مهاجرت
topic-mutual-benefit-societies = انجمن‌های حمایت متقابل
topic-occupational-accidents = حوادث ناشی از کار و بیماری‌های شغلی
topic-old-age-pensions = سالمندی – مستمری
topic-prevention = پیشگیری از خطرات شغلی
topic-return-to-work = بازگشت به کار
topic-service-quality = کیفیت خدمات
topic-shocks = تکانه‌ها و رویدادهای حاد
topic-social-assistance = مساعدت اجتماعی
topic-social-policies = سیاست‌ها و برنامه‌های اجتماعی
topic-workplace-health = ارتقای سلامت در محیط کار

## Award

award-good-practice-award = جایزهٔ تجربهٔ موفق
award-merit-special-mention = گواهی شایستگی با تقدیر ویژه
award-merit = گواهی شایستگی
award-attestation = گواهی
award-innovation-distinction = نشان ویژهٔ نوآوری

## Language


## ImpactArea

impact-area-service-delivery = ارائهٔ خدمات اجتماعی بخش عمومی
impact-area-public-value = ایجاد ارزش عمومی

## Approach

approach-activist = فعال
approach-transformative = تحول‌آفرین

## InnovationType

innovation-type-incremental = فنی / تدریجی
innovation-type-sustaining = سازمانی / پایدار
innovation-type-disruptive = تخریبی
innovation-type-transformative = تحولی

## SocialInnovationElement

social-innovation-element-need-driven = نتیجهٔ نیازمحور یا هدف‌محور
social-innovation-element-open-process = فرایند باز و ترکیبی
social-innovation-element-changed-relations = تغییر بنیادین در روابط میان کنشگران
social-innovation-element-public-value-allocation = تخصیص (مجدد) ارزش عمومی

## GovernanceLevel

governance-level-segregated = جداگانه
governance-level-intra-governmental = درون‌دولتی
governance-level-inter-governmental = میان‌دولتی
governance-level-cross-sectoral = بین‌بخشی
governance-level-extended = گسترده

## IntegrationType

integration-type-financing = تأمین مالی
integration-type-administrative = اداری
integration-type-organisational = سازمانی
integration-type-service-delivery = ارائهٔ خدمات

## PracticeStatus

practice-status-published = منتشرشده
practice-status-unpublished = منتشرنشده

## ScreeningItem

screening-item-region-member = سازمان به منطقهٔ این رقابت تعلق دارد
screening-item-entry-limit = سازمان حداکثر ۱۰ طرح در این رقابت دارد
screening-item-template-complete = همهٔ بخش‌های قالب تکمیل شده است
screening-item-word-limits = خلاصه حداکثر ۱۸۰ واژه و متن اصلی حداکثر ۱٬۵۰۰ واژه است
screening-item-endorsement-present = تأیید مدیریت ارشد ارائه شده است
screening-item-language-accepted = زبان طرح اعلام شده است
screening-item-issa-member = سازمان عضو فعال ایسا است
screening-item-endorsement-genuine = تأییدکننده در سمت مدیریت ارشد است
screening-item-language-matches = متن به زبان اعلام‌شده نوشته شده است

## EntryStatus

entry-status-draft = پیش‌نویس
entry-status-submitted = ارسال‌شده
entry-status-withdrawn = پس‌گرفته‌شده
entry-status-screening = در حال بررسی
entry-status-eligible = واجد شرایط
entry-status-ineligible = فاقد شرایط

## AuditSubject

audit-subject-entry = طرح
audit-subject-membership = عضویت
audit-subject-organisation = سازمان
audit-subject-account = حساب کاربری
audit-subject-competition = رقابت
audit-subject-practice = تجربه

## AuditAction

audit-action-registered = حساب ثبت شد
audit-action-admin-created = حساب دبیرخانه ایجاد شد
audit-action-password-changed = گذرواژه تغییر کرد
audit-action-password-reset = گذرواژه با پیوند رایانامه بازنشانی شد
audit-action-role-changed = نقش تغییر کرد
audit-action-membership-requested = درخواست نمایندگی سازمان
audit-action-membership-approved = عضویت تأیید شد
audit-action-membership-rejected = عضویت رد شد
audit-action-organisation-registered = سازمان ثبت شد
audit-action-organisation-approved = سازمان تأیید شد
audit-action-entry-created = پیش‌نویس آغاز شد
audit-action-entry-submitted = ارسال شد
audit-action-entry-withdrawn = پس گرفته شد
audit-action-screening-started = بررسی آغاز شد
audit-action-entry-eligible = واجد شرایط شناخته شد
audit-action-entry-ineligible = فاقد شرایط شناخته شد
audit-action-entry-returned = برای تکمیل بازگردانده شد
audit-action-competition-created = رقابت ایجاد شد
audit-action-phase-advanced = به مرحلهٔ بعد رفت
audit-action-phase-reopened = مرحله دوباره باز شد
audit-action-juror-appointed = داور منصوب شد
audit-action-juror-dismissed = داور برکنار شد
audit-action-jury-assigned = طرح‌ها به داوران سپرده شد
audit-action-jurors-reminded = به داوران یادآوری شد

## Phase

phase-draft = در دست آماده‌سازی
phase-open = پذیرش طرح
phase-screening = بررسی اولیه
phase-review = داوری
phase-deliberation = جمع‌بندی هیئت داوران
phase-published = نتایج اعلام شد
preference-eager = با اشتیاق
preference-willing = آماده‌ی داوری
preference-rather-not = ترجیحاً نه

## Role

role-secretariat = دبیرخانه
role-juror = داور
role-submitter = ارسال‌کننده

## MembershipStatus

membership-status-requested = در انتظار تأیید
membership-status-approved = تأییدشده
membership-status-rejected = ردشده

## ReviewStatus

review-status-draft = پیش‌نویس
review-status-submitted = ارسال‌شده
audit-action-feedback-released = انتشار بازخوردها
audit-action-assigned-across-languages = واگذاری به داوری که زبان طرح را نمی‌خواند
audit-action-translation-saved = نسخه به زبانی دیگر ذخیره شد
audit-action-translation-removed = نسخه به زبانی دیگر حذف شد
