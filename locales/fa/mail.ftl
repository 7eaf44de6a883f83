## E-mails: each has a subject and a body, written in the recipient's language.

mail-received =
    .subject = طرح دریافت شد: { $title }
    .body =
        طرح شما با عنوان «{ $title }» برای { $competition } در { $at } دریافت شد (طرح شمارهٔ { $id }).

        دبیرخانه کامل بودن و واجد شرایط بودن آن را بررسی می‌کند و نتیجه را به شما اطلاع می‌دهد. تا آغاز بررسی اولیه می‌توانید طرح را پس بگیرید.
mail-eligible =
    .subject = طرح شما واجد شرایط است: { $title }
    .body = طرح شما با عنوان «{ $title }» برای { $competition } کامل و واجد شرایط شناخته شد و برای داوری به هیئت داوران می‌رود.
mail-ineligible =
    .subject = طرح شما واجد شرایط نیست: { $title }
    .body =
        طرح شما با عنوان «{ $title }» برای { $competition } به این دلیل فاقد شرایط شناخته شد:

        { $note }
mail-returned =
    .subject = طرح شما نیاز به تکمیل دارد: { $title }
    .body =
        طرح شما با عنوان «{ $title }» برای { $competition } با این توضیح برای تکمیل به شما بازگردانده شد:

        { $note }

        طرح دوباره پیش‌نویس است: آن را کامل کنید و دوباره بفرستید.
mail-reset =
    .subject = بازنشانی گذرواژهٔ شما در درگاه تجربه‌های موفق
    .body =
        { $name } گرامی،

        کسی (امیدواریم خود شما) درخواست بازنشانی گذرواژهٔ حسابتان را داده است. تا یک ساعت دیگر از این پیوند گذرواژهٔ تازه‌ای انتخاب کنید:

        { $link }

        این پیوند تنها یک بار کار می‌کند. اگر شما درخواست نکرده‌اید، این پیام را نادیده بگیرید؛ گذرواژهٔ شما تغییر نمی‌کند.
mail-membership-request =
    .subject = یک درخواست عضویت در انتظار است
    .body = { $name } ({ $email }) درخواست نمایندگی { $institution } را دارد. در { $link } تصمیم بگیرید.
mail-membership-approved =
    .subject = درخواست عضویت شما
    .body =
        { $name } گرامی،

        اکنون می‌توانید در درگاه نمایندهٔ { $institution } باشید.
mail-membership-rejected =
    .subject = درخواست عضویت شما
    .body =
        { $name } گرامی،

        درخواست شما برای نمایندگی { $institution } تأیید نشد: { $note }
mail-results =
    .subject = نتایج { $competition }
    .body = نتایج { $competition } منتشر شد. طرح شما با عنوان «{ $title }» { $outcome ->
        [award-and-distinction] { $award } و نشان ویژهٔ نوآوری را به دست آورد
        [award] { $award } را به دست آورد
        [distinction] نشان ویژهٔ نوآوری را به دست آورد
       *[database] در پایگاه دادهٔ عمومی جای گرفت
    }.

    { $outcome ->
        [database] {""}
       *[other] گواهی‌نامهٔ شما: { $certificate }
    }
mail-reminder =
    .subject = یادآوری: ارزیابی‌های شما برای { $competition }
    .body =
        { $name } گرامی،

        { $left } طرح از { $assigned } طرحی که در { $competition } به شما سپرده شده هنوز منتظر ارزیابی فرستادهٔ شماست.{ $closes ->
            [none] {""}
           *[other] {" "}داوری در { $closes } پایان می‌یابد.
        }

        طرح‌های شما: { $link }
mail-feedback =
    .subject = بازخورد هیئت داوران دربارهٔ «{ $title }»
    .body = بازخورد هیئت داوران دربارهٔ طرح شما «{ $title }» در { $competition } اکنون در صفحهٔ آن خواندنی است: { $link }
mail-alert-confirm =
    .subject = هشدار خود در درگاه تجربه‌های موفق را تأیید کنید
    .body =
        سلام،

        کسی (امیدواریم خود شما) از درگاه تجربه‌های موفق خواسته است که حداکثر هفته‌ای یک بار تجربه‌های تازهٔ منطبق با { $scope } را به این نشانی بفرستد. برای آغاز، تا ۷ روز دیگر اینجا تأیید کنید:

        { $link }

        اگر شما درخواست نکرده‌اید، این پیام را نادیده بگیرید: چیزی فرستاده نخواهد شد.
mail-alert-digest =
    .subject = { $count } تجربهٔ تازه برای هشدار شما: { $scope }
    .body =
        { $count } تجربه که از { $since } در درگاه تجربه‌های موفق منتشر شده با هشدار شما، { $scope }، منطبق است:

        { $practices }

        { $more ->
            [0] فهرست، از تازه‌ترین:
           *[other] { $more } تجربهٔ دیگر، و همه از تازه‌ترین:
        } { $list }

        برای لغو این هشدار با یک کلیک: { $unsubscribe }
