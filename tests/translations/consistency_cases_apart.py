# ruff: noqa: E501 (long sentences of press releases, kept whole)
"""A second set of consistency cases in the ministry's style, written apart from the checks.

Each list holds ``Case(source_language, language, source, target, flagged)``; ``CASES`` pairs every
case with the check id it targets. Half of each list is correct (flagged=False), half carries one
injected error for that check (flagged=True).
"""

from .consistency_cases import Case

NUMBER = [
    # --- correct ---
    Case(
        "en",
        "ja",
        "On July 7, Prime Minister Abe held a Japan-Russia Summit Meeting with President Putin for approximately 50 minutes.",
        "7月7日、安倍総理はプーチン大統領との間で約50分間、日露首脳会談を行いました。",
        False,
    ),
    Case(
        "en",
        "ru",
        "The two leaders held a tête-à-tête meeting for approximately one hour.",
        "Лидеры двух стран провели встречу тет-а-тет, продолжавшуюся около часа.",
        False,
    ),
    Case(
        "ja",
        "en",
        "今回の首脳会談は、両首脳にとって本年二度目の会談となりました。",
        "This was the second Summit Meeting between the two leaders this year.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "安倍総理とプーチン大統領の会談は今回で１８回目となりました。",
        "Это была 18-я встреча премьер-министра Абэ и президента Путина.",
        False,
    ),
    Case(
        "en",
        "ru",
        "This was the 18th meeting between Prime Minister Abe and President Putin.",
        "Это была восемнадцатая встреча премьер-министра Абэ и президента Путина.",
        False,
    ),
    Case(
        "ja",
        "en",
        "墓参には約1,000人の元島民が参加しました。",
        "Approximately 1000 former island residents took part in the visit.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "墓参には約1,000人の元島民が参加しました。",
        "В посещении приняли участие около 1 000 бывших жителей островов.",
        False,
    ),
    Case(
        "en",
        "ja",
        "The Foreign Ministers met for the third time this year.",
        "両外相の会談は本年三度目となりました。",
        False,
    ),
    Case(
        "ja",
        "en",
        "両首脳は今回で通算十八回目となる会談を行いました。",
        "The two leaders held their 18th meeting.",
        False,
    ),
    Case(
        "en",
        "ru",
        "Foreign Minister Kono attended the 13th meeting of the Intergovernmental Committee, which lasted approximately three hours.",
        "Министр иностранных дел Коно принял участие в 13-м заседании Межправительственной комиссии, продолжавшемся около трех часов.",
        False,
    ),
    # --- one injected error each ---
    Case(
        "en",
        "ja",
        "The two leaders held a meeting for approximately 50 minutes.",
        "両首脳は約15分間会談を行いました。",
        True,
    ),
    Case(
        "en",
        "ru",
        "The two leaders held a meeting for approximately 50 minutes.",
        "Лидеры провели встречу продолжительностью около 15 минут.",
        True,
    ),
    Case(
        "ja",
        "en",
        "両外相は約1時間にわたり会談を行いました。",
        "The two Foreign Ministers held a meeting for approximately two hours.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "今回は第18回目の首脳会談となりました。",
        "Это была 17-я встреча на высшем уровне.",
        True,
    ),
    Case(
        "en",
        "ru",
        "Approximately 1,000 former island residents took part.",
        "Приняли участие около 100 бывших жителей островов.",
        True,
    ),
    Case(
        "en",
        "ja",
        "This was the 18th meeting between the two leaders.",
        "今回の会談は両首脳にとって十七回目となりました。",
        True,
    ),
    Case(
        "ja",
        "en",
        "日本側からは１２名の企業関係者が参加しました。",
        "Ten business representatives took part from the Japanese side.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "両首脳は約40分間電話会談を行いました。",
        "Лидеры провели телефонный разговор продолжительностью около 45 минут.",
        True,
    ),
    Case(
        "en",
        "ja",
        "Approximately 2,500 people attended the Eastern Economic Forum.",
        "東方経済フォーラムには約250人が出席しました。",
        True,
    ),
    Case(
        "ja",
        "en",
        "安倍総理は、プーチン大統領と約30分間電話会談を行いました。",
        "Prime Minister Abe held a telephone talk with President Putin.",
        True,
    ),
]

DATE = [
    # --- correct ---
    Case(
        "en",
        "ja",
        "On July 7, Prime Minister Abe met with President Putin in Hamburg.",
        "7月7日、安倍総理はハンブルクにおいてプーチン大統領と会談しました。",
        False,
    ),
    Case(
        "en",
        "ru",
        "On Friday, July 7, the two leaders held a Summit Meeting.",
        "В пятницу, 7 июля, лидеры провели встречу на высшем уровне.",
        False,
    ),
    Case(
        "ja",
        "en",
        "平成29年9月7日、東方経済フォーラムが開催されました。",
        "On September 7, 2017, the Eastern Economic Forum was held.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "令和3年、両国は国交回復65周年を迎えました。",
        "В 2021 году две страны отметили 65-ю годовщину восстановления дипломатических отношений.",
        False,
    ),
    Case("en", "ru", "The dinner began from 6:00 p.m.", "Ужин начался в 18:00.", False),
    Case(
        "en",
        "ja",
        "From 6:00 p.m. on September 6, the two leaders held a dinner meeting.",
        "9月6日午後6時から、両首脳は夕食会を行いました。",
        False,
    ),
    Case(
        "ja",
        "en",
        "安倍総理は7月7日から9日まで、ドイツを訪問しました。",
        "Prime Minister Abe visited Germany on 7-9 July.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "9月6日（水曜日）、両外相は会談を行いました。",
        "В среду, 6 сентября, министры иностранных дел провели переговоры.",
        False,
    ),
    Case(
        "en",
        "ja",
        "On Wednesday, September 6, the Foreign Ministers' Meeting was held.",
        "9月6日（水）、日露外相会談が行われました。",
        False,
    ),
    Case(
        "ja",
        "ru",
        "安倍総理は7月7日から9日まで、ドイツを訪問しました。",
        "Премьер-министр Абэ посетил Германию 7–9 июля.",
        False,
    ),
    # --- one injected error each ---
    Case(
        "en",
        "ja",
        "On July 7, the two leaders held a Summit Meeting.",
        "7月8日、両首脳は首脳会談を行いました。",
        True,
    ),
    Case(
        "en",
        "ru",
        "On July 7, the two leaders held a Summit Meeting.",
        "7 августа лидеры провели встречу на высшем уровне.",
        True,
    ),
    Case(
        "ja",
        "en",
        "平成29年4月27日、安倍総理はモスクワを訪問しました。",
        "On April 27, 2018, Prime Minister Abe visited Moscow.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "令和3年9月3日、東方経済フォーラムが開催されました。",
        "3 сентября 2020 года состоялся Восточный экономический форум.",
        True,
    ),
    Case(
        "en",
        "ja",
        "On Friday, July 7, the Foreign Ministers held a meeting.",
        "7月7日（木）、両外相は会談を行いました。",
        True,
    ),
    Case(
        "en",
        "ru",
        "The Summit Meeting started from 6:00 p.m.",
        "Встреча на высшем уровне началась в 16:00.",
        True,
    ),
    Case(
        "ja",
        "en",
        "午後6時から、両首脳は夕食会を行いました。",
        "From 6:00 a.m., the two leaders held a dinner meeting.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "9月6日（水）、日露首脳会談が行われました。",
        "В четверг, 6 сентября, состоялась встреча на высшем уровне.",
        True,
    ),
    Case(
        "en",
        "ja",
        "Prime Minister Abe visited Germany on 7-9 July.",
        "安倍総理は7月7日から8日まで、ドイツを訪問しました。",
        True,
    ),
    Case(
        "ja",
        "en",
        "12月15日、プーチン大統領が来日しました。",
        "On December 16, President Putin visited Japan.",
        True,
    ),
]

PROPER_NAME = [
    # --- correct ---
    Case(
        "en",
        "ja",
        "Prime Minister Abe held a telephone talk with President Putin.",
        "安倍総理はプーチン大統領と電話会談を行いました。",
        False,
    ),
    Case(
        "en",
        "ru",
        "Prime Minister Abe met with President Putin in Moscow.",
        "Премьер-министр Абэ встретился с президентом Путиным в Москве.",
        False,
    ),
    Case(
        "ja",
        "en",
        "首脳会談はウラジオストクで行われました。",
        "The Summit Meeting was held in Vladivostok.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "安倍総理はウラジオストクを訪問しました。",
        "Премьер-министр Абэ посетил Владивосток.",
        False,
    ),
    Case(
        "en",
        "ja",
        "The two leaders met on the margins of the G20 Summit in Hamburg.",
        "両首脳はハンブルクにおけるG20サミットの際に会談しました。",
        False,
    ),
    Case(
        "ja",
        "ru",
        "両首脳はハンブルクで会談しました。",
        "Лидеры провели встречу в Гамбурге.",
        False,
    ),
    Case(
        "en",
        "ru",
        "Prime Minister Abe welcomed the visit of President Putin.",
        "Премьер-министр Абэ приветствовал визит президента Путина.",
        False,
    ),
    Case(
        "ja",
        "en",
        "安倍総理大臣は、共同記者発表に臨みました。",
        "Prime Minister Abe attended the joint press announcement.",
        False,
    ),
    Case(
        "en",
        "ru",
        "Prime Minister Abe departed from Vladivostok.",
        "Премьер-министр Абэ вылетел из Владивостока.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "安倍総理はモスクワを出発しました。",
        "Премьер-министр Абэ вылетел из Москвы.",
        False,
    ),
    # --- one injected error each ---
    Case(
        "en",
        "ja",
        "The Eastern Economic Forum was held in Vladivostok.",
        "東方経済フォーラムがウラジオストックで開催されました。",
        True,
    ),
    Case(
        "en",
        "ru",
        "Prime Minister Abe held a Summit Meeting with President Putin.",
        "Премьер-министр Абе провел встречу на высшем уровне с президентом Путиным.",
        True,
    ),
    Case(
        "ja",
        "en",
        "安倍総理はプーチン大統領と会談しました。",
        "Prime Minister Abe met with President Poutine.",
        True,
    ),
    Case(
        "ja", "ru", "両首脳はハンブルクで会談しました。", "Лидеры провели встречу в Хамбурге.", True
    ),
    Case("en", "ja", "The two leaders met in Hamburg.", "両首脳はハンブルグで会談しました。", True),
    Case(
        "en",
        "ru",
        "Prime Minister Abe held a telephone talk with President Putin.",
        "Премьер-министр Абэ провел телефонный разговор с президентом России.",
        True,
    ),
    Case(
        "ja",
        "en",
        "安倍総理はモスクワを訪問しました。",
        "Prime Minister Abbe visited Moscow.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "安倍総理はウラジオストクを訪問しました。",
        "Премьер-министр Абэ посетил Владивасток.",
        True,
    ),
    Case(
        "en",
        "ja",
        "Prime Minister Abe met with President Putin.",
        "安倍総理はプチン大統領と会談しました。",
        True,
    ),
    # Latin "o" (U+006F) inside Cyrillic «Москве».
    Case(
        "ja",
        "ru",
        "安倍総理はモスクワでプーチン大統領と会談しました。",
        "Премьер-министр Абэ провел переговоры с президентом Путиным в Мoскве.",
        True,
    ),
]

FORM = [
    # --- correct ---
    Case(
        "en",
        "ja",
        'The two leaders discussed the "eight-point cooperation plan."',
        "両首脳は、8項目の「協力プラン」について議論しました。",
        False,
    ),
    Case(
        "en",
        "ru",
        'The leaders welcomed progress on the "Eastern Economic Forum" initiatives.',
        "Лидеры приветствовали прогресс в инициативах «Восточного экономического форума».",
        False,
    ),
    Case(
        "ja",
        "en",
        "安倍総理は「日本の立場は一貫している」と述べました。",
        'Prime Minister Abe stated, "Japan\'s position is consistent."',
        False,
    ),
    Case(
        "ja",
        "ru",
        "安倍総理は「『新たなアプローチ』を進める」と述べました。",
        "Премьер-министр Абэ заявил: «Будем продвигать „новый подход“».",
        False,
    ),
    Case(
        "en",
        "ja",
        "Trade grew 1.5 times, with 1,000 companies taking part.",
        "貿易は1.5倍に増加し、1,000社が参加しました。",
        False,
    ),
    Case(
        "ja",
        "en",
        "両首脳は先行発展領域（TOR）について意見交換を行いました。",
        "The two leaders exchanged views on the territories of priority development (TOR).",
        False,
    ),
    Case(
        "ja",
        "ru",
        "両首脳は先行発展領域（TOR）について意見交換を行いました。",
        "Лидеры обменялись мнениями о территориях опережающего развития (ТОР).",
        False,
    ),
    Case(
        "en",
        "ja",
        "Japan-Russia Summit Meeting (Venue: Vladivostok)",
        "日露首脳会談（於：ウラジオストク）",
        False,
    ),
    Case(
        "en",
        "ru",
        "The meeting began at 18:00 and was attended by 1 000 delegates.",
        "Встреча началась в 18:00, в ней приняли участие 1 000 делегатов.",
        False,
    ),
    Case(
        "ja",
        "en",
        "両外相は、平和条約締結問題について議論しました。",
        "The two Foreign Ministers discussed the issue of concluding a peace treaty — a long-standing goal.",
        False,
    ),
    # --- one injected error each ---
    Case(
        "en",
        "ja",
        'The two leaders discussed the "eight-point cooperation plan."',
        "両首脳は、8項目の「協力プランについて議論しました。",
        True,
    ),
    Case(
        "en",
        "ru",
        'The leaders discussed the "new approach."',
        "Лидеры обсудили «новый подход.",
        True,
    ),
    Case(
        "ja",
        "en",
        "両首脳は先行発展領域（TOR）について意見交換を行いました。",
        "The two leaders exchanged views on the territories of priority development (TOR.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "両首脳は共同経済活動について議論しました。",
        "両首脳は共同経済活動について議論しました。",
        True,
    ),
    Case(
        "en",
        "ja",
        "On July 7, Prime Minister Abe held a Summit Meeting.",
        "7月7日, 安倍総理は首脳会談を行いました.",
        True,
    ),
    Case(
        "en",
        "ru",
        "The two leaders held a Summit Meeting.",
        "Лидеры провели встречу на высшем уровне。",
        True,
    ),
    Case(
        "ja",
        "en",
        "両首脳は共同経済活動について議論しました。",
        "The two  leaders discussed joint economic activities.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "両首脳は共同経済活動について議論しました。",
        "Лидеры обсудили  совместную хозяйственную деятельность.",
        True,
    ),
    Case(
        "en",
        "ja",
        "The two leaders discussed joint economic activities.",
        "The two leaders discussed joint economic activities.",
        True,
    ),
    Case(
        "ja",
        "en",
        "7月7日、安倍総理は首脳会談を行いました。",
        "On July 7、Prime Minister Abe held a Summit Meeting.",
        True,
    ),
]

# Found by probing beyond this set, fixed since: a day with its ordinal ending (7-го июля),
# a number fused into a Russian compound (двухдневный).
DATE += [
    Case("en", "ru", "on July 7", "7-го июля", False),
    Case("en", "ru", "on July 7", "8-го июля", True),
]
NUMBER += [
    Case("ja", "ru", "2日間の日程で訪問した", "совершил двухдневный визит", False),
    Case("ja", "ru", "3日間の日程で訪問した", "совершил двухдневный визит", True),
]

CASES = (
    [("number", c) for c in NUMBER]
    + [("date", c) for c in DATE]
    + [("proper-name", c) for c in PROPER_NAME]
    + [("form", c) for c in FORM]
)
