## نسخه‌های یک تجربه به زبان‌های دیگر.

practice-versions = خواندن به زبان:
practice-original = اصلی
translation-heading = نسخه‌ها به زبان‌های دیگر
translation-original = نوشته‌شده به { $language }.
translation-versions = نسخه‌ها
translation-none-yet = هنوز نسخه‌ای به زبان دیگر نیست.
translation-language = زبان
translation-title = عنوان
translation-actions = کارها
translation-change = تغییر نسخهٔ { $language }
translation-remove = حذف نسخهٔ { $language }
translation-add = افزودن یا جایگزینی یک نسخه
translation-add-hint = نسخه‌ای به زبانی که تجربه از پیش دارد جایگزین آن می‌شود. عنوان و خلاصه لازم است؛ بخشی که خالی بماند، متن اصلی را نشان می‌دهد.
translation-section-hint = برای نشان دادن متن اصلی خالی بگذارید.
translation-save = ذخیرهٔ نسخه
translation-saved = نسخه ذخیره شد.
translation-removed = نسخه حذف شد.
translation-choose-language = زبان نسخه را انتخاب کنید.
translation-not-the-original = تجربه از پیش به این زبان نوشته شده است.
translation-title-needed = عنوان را به این زبان بنویسید.
translation-title-too-long = حداکثر { $max } نویسه به کار ببرید.
translation-summary-needed = خلاصه را به این زبان بنویسید.
translation-practice-intro = هر خواننده نخست نسخهٔ زبان خود را می‌بیند؛ جست‌وجو همهٔ نسخه‌ها را می‌یابد و API همه را فهرست می‌کند.
translation-entry-intro = هیئت داوران نامزدی را به زبانی که نوشته شده است می‌خواند. نسخه‌هایی که تا پیش از انتشار نتایج اینجا افزوده شوند، با تجربه منتشر می‌شوند؛ پس از آن دبیرخانه به آن‌ها رسیدگی می‌کند.
translation-entry-link = نسخه‌های نامزدی به زبان‌های دیگر
