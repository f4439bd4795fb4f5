# ruff: noqa: E501 (sentences of press releases, kept whole)
"""A third set of consistency cases in the ministry's style, in every direction.

Made-up sentences in the shapes the ministry's releases take: ranges of days (7月7日～8日,
"from 3 to 5 July", «с 3 по 5 июля»), era and fiscal years (令和5年, 2023年度, FY2023), months
alone, times (午後5時30分, 17:30, noon), durations (約1時間半), weekdays in brackets, days
relative to the release (本日, 同日, 翌日), ordinals, numbers in words and with their myriads
(1億2,000万), money, percentages, Russian decimals and groups of thousands, counters (3名),
people named in full and then short, and glossary terms inflected or written without spaces.

``CASES`` pairs each ``Case`` with the check it targets; ``DATED`` holds the cases read against
the release's date (``RELEASE``, a Wednesday). Half of each are correct (flagged=False), half
carry one injected error (flagged=True). Every case is evaluated with the glossary of
``consistency_cases_real`` (Minister Tanaka named in full and short).
"""

from __future__ import annotations

from datetime import date

from .consistency_cases import Case
from .consistency_cases_real import RealCase, evaluate_real

RELEASE = date(2023, 7, 12)  # a Wednesday; July 11, 2023 is a Tuesday

NUMBER = [
    # --- correct ---
    Case(
        "ja",
        "en",
        "両国間の貿易額は約1億2,000万ドルに達しました。",
        "Trade between the two countries reached approximately 120 million US dollars.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "両国間の貿易額は約1億2,000万ドルに達しました。",
        "Товарооборот между двумя странами достиг примерно 120 млн долларов США.",
        False,
    ),
    Case(
        "en",
        "ja",
        "Japan decided to extend Emergency Grant Aid of 2.5 million US dollars.",
        "日本政府は、250万ドルの緊急無償資金協力を実施することを決定しました。",
        False,
    ),
    Case(
        "ja",
        "ru",
        "本年の経済成長率は2.5%となる見込みです。",
        "Ожидается, что темпы экономического роста в этом году составят 2,5%.",
        False,
    ),
    Case(
        "en",
        "ru",
        "Exports increased by 5 percent compared with the previous year.",
        "Экспорт увеличился на 5 процентов по сравнению с предыдущим годом.",
        False,
    ),
    Case(
        "ja",
        "en",
        "外務省は三名の専門家を現地に派遣しました。",
        "The Ministry of Foreign Affairs dispatched three experts to the site.",
        False,
    ),
    Case(
        "ja",
        "en",
        "同会合には12名の専門家が出席しました。",
        "A dozen experts attended the meeting.",
        False,
    ),
    Case(
        "en",
        "ru",
        "Some 1,000 participants from 30 countries attended the forum.",
        "В форуме приняли участие около 1\u202f000 человек из 30 стран.",
        False,
    ),
    Case(
        "ja",
        "en",
        "第5回日露次官級協議が東京で開催されました。",
        "The fifth Japan-Russia vice-ministerial consultations were held in Tokyo.",
        False,
    ),
    Case(
        "en",
        "ru",
        "This was the 18th meeting of the Joint Commission.",
        "Это было 18-е заседание Совместной комиссии.",
        False,
    ),
    Case(
        "ja",
        "en",
        "両外相は約1時間半にわたり会談を行いました。",
        "The two Foreign Ministers held talks for approximately one and a half hours.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "両外相は約1時間半にわたり会談を行いました。",
        "Министры иностранных дел провели переговоры продолжительностью около полутора часов.",
        False,
    ),
    Case(
        "ru",
        "ja",
        "Объем помощи составит около 2,5 млн долларов США.",
        "支援額は約250万ドルとなります。",
        False,
    ),
    Case(
        "en",
        "ja",
        "Three persons from the Embassy attended the ceremony.",
        "式典には大使館から3名が出席しました。",
        False,
    ),
    Case(
        "en",
        "ja",
        "Japan will provide assistance worth ¥300 million.",
        "日本は3億円の支援を実施します。",
        False,
    ),
    Case(
        "ja",
        "en",
        "総額15億ドルの融資を供与します。",
        "Japan will extend loans totalling US$1.5 billion.",
        False,
    ),
    Case(
        "ru",
        "en",
        "В течение двух дней делегация посетила три города.",
        "Over two days, the delegation visited three cities.",
        False,
    ),
    Case(
        "en", "ru", "The two sides signed 12 documents.", "Стороны подписали 12 документов.", False
    ),
    Case(
        "ja",
        "ru",
        "二か国間の協力について意見交換を行いました。",
        "Стороны обменялись мнениями о сотрудничестве между двумя странами.",
        False,
    ),
    Case("en", "ja", "approximately 40 percent of the total", "全体の約40％", False),
    # --- one error each ---
    Case(
        "ja",
        "en",
        "両国間の貿易額は約1億2,000万ドルに達しました。",
        "Trade between the two countries reached approximately 12 million US dollars.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "両国間の貿易額は約1億2,000万ドルに達しました。",
        "Товарооборот между двумя странами достиг примерно 102 млн долларов США.",
        True,
    ),
    Case(
        "en",
        "ru",
        "Exports increased by 5 percent compared with the previous year.",
        "Экспорт увеличился на 15 процентов по сравнению с предыдущим годом.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "本年の経済成長率は2.5%となる見込みです。",
        "Ожидается, что темпы экономического роста в этом году составят 25%.",
        True,
    ),
    Case(
        "ja",
        "en",
        "外務省は三名の専門家を現地に派遣しました。",
        "The Ministry of Foreign Affairs dispatched four experts to the site.",
        True,
    ),
    Case(
        "en",
        "ja",
        "This was the 18th meeting of the Joint Commission.",
        "今回の会合は合同委員会の第17回会合となりました。",
        True,
    ),
    Case(
        "ja",
        "en",
        "両外相は約1時間半にわたり会談を行いました。",
        "The two Foreign Ministers held talks for approximately two and a half hours.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "両外相は約1時間半にわたり会談を行いました。",
        "Министры иностранных дел провели переговоры продолжительностью около двух с половиной часов.",
        True,
    ),
    Case(
        "en",
        "ru",
        "Some 1,000 participants from 30 countries attended the forum.",
        "В форуме приняли участие около 100 человек из 30 стран.",
        True,
    ),
    Case(
        "en",
        "ja",
        "Japan will provide assistance worth ¥300 million.",
        "日本は30億円の支援を実施します。",
        True,
    ),
    Case(
        "ja",
        "en",
        "総額15億ドルの融資を供与します。",
        "Japan will extend loans totalling US$15 billion.",
        True,
    ),
    Case(
        "ru",
        "en",
        "В течение двух дней делегация посетила три города.",
        "Over three days, the delegation visited three cities.",
        True,
    ),
    Case(
        "en", "ru", "The two sides signed 12 documents.", "Стороны подписали 11 документов.", True
    ),
    Case(
        "ru",
        "ja",
        "Объем помощи составит около 2,5 млн долларов США.",
        "支援額は約25万ドルとなります。",
        True,
    ),
    Case(
        "en",
        "ja",
        "Three persons from the Embassy attended the ceremony.",
        "式典には大使館から2名が出席しました。",
        True,
    ),
    Case(
        "ja",
        "ru",
        "第5回日露次官級協議が東京で開催されました。",
        "В Токио состоялись шестые консультации на уровне заместителей министров.",
        True,
    ),
    Case("en", "ja", "approximately 40 percent of the total", "全体の40％", True),
]

DATE = [
    # --- correct ---
    Case(
        "ja",
        "en",
        "7月7日～8日、林外務大臣はインドを訪問しました。",
        "On July 7–8, Foreign Minister Hayashi visited India.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "7月7日～8日、林外務大臣はインドを訪問しました。",
        "7–8 июля министр иностранных дел Хаяси посетил Индию.",
        False,
    ),
    Case(
        "en",
        "ru",
        "The Forum will be held from 3 to 5 July in Vladivostok.",
        "Форум пройдет с 3 по 5 июля во Владивостоке.",
        False,
    ),
    Case(
        "ru",
        "ja",
        "Форум пройдет с 3 по 5 июля во Владивостоке.",
        "同フォーラムは7月3日から5日までウラジオストクで開催されます。",
        False,
    ),
    Case(
        "ja",
        "en",
        "令和5年7月、両国は協定に署名しました。",
        "In July 2023, the two countries signed the agreement.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "平成29年9月、安倍総理はウラジオストクを訪問しました。",
        "В сентябре 2017 года Премьер-министр Абэ посетил Владивосток.",
        False,
    ),
    Case(
        "ja",
        "en",
        "2023年度予算において措置されました。",
        "The funds were allocated in the FY2023 budget.",
        False,
    ),
    Case(
        "en",
        "ja",
        "The funds were allocated in the FY2023 budget.",
        "2023年度予算において措置されました。",
        False,
    ),
    Case("ja", "en", "会談は午後5時30分から行われました。", "The talks began at 5:30 p.m.", False),
    Case("ja", "ru", "会談は17時30分から行われました。", "Переговоры начались в 17:30.", False),
    Case("en", "ja", "The ceremony will begin at noon.", "式典は正午に開始されます。", False),
    Case("en", "ru", "The ceremony will begin at noon.", "Церемония начнется в полдень.", False),
    Case("ja", "en", "会談は午後5時半に終了しました。", "The talks ended at 5:30 p.m.", False),
    Case(
        "ru",
        "en",
        "В июле министр посетит Москву.",
        "In July, the Minister will visit Moscow.",
        False,
    ),
    Case(
        "en",
        "ru",
        "On July 7, 2023, the Minister visited Moscow.",
        "7 июля 2023 г. министр посетил Москву.",
        False,
    ),
    Case(
        "ja",
        "en",
        "7月11日（火曜日）、日露外相会談が行われました。",
        "On Tuesday, July 11, the Japan-Russia Foreign Ministers' Meeting was held.",
        False,
    ),
    Case(
        "en",
        "ja",
        "On July 7 and 8, the Minister visited Hamburg.",
        "7月7日及び8日、大臣はハンブルクを訪問しました。",
        False,
    ),
    Case(
        "ru",
        "en",
        "Переговоры начнутся в 10:00 по местному времени.",
        "The talks will begin at 10:00 a.m. local time.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "2023年、両国は国交樹立50周年を迎えます。",
        "В 2023 г. две страны отмечают 50-летие установления дипломатических отношений.",
        False,
    ),
    # --- one error each ---
    Case(
        "ja",
        "en",
        "7月7日～8日、林外務大臣はインドを訪問しました。",
        "On July 7–9, Foreign Minister Hayashi visited India.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "7月7日～8日、林外務大臣はインドを訪問しました。",
        "7–8 июня министр иностранных дел Хаяси посетил Индию.",
        True,
    ),
    Case(
        "en",
        "ru",
        "The Forum will be held from 3 to 5 July in Vladivostok.",
        "Форум пройдет с 3 по 6 июля во Владивостоке.",
        True,
    ),
    Case(
        "ja",
        "en",
        "令和5年7月、両国は協定に署名しました。",
        "In July 2022, the two countries signed the agreement.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "平成29年9月、安倍総理はウラジオストクを訪問しました。",
        "В сентябре 2018 года Премьер-министр Абэ посетил Владивосток.",
        True,
    ),
    Case(
        "ja",
        "en",
        "2023年度予算において措置されました。",
        "The funds were allocated in the FY2022 budget.",
        True,
    ),
    Case("ja", "en", "会談は午後5時30分から行われました。", "The talks began at 5:00 p.m.", True),
    Case("ja", "ru", "会談は17時30分から行われました。", "Переговоры начались в 18:30.", True),
    Case("en", "ja", "The ceremony will begin at noon.", "式典は午後1時に開始されます。", True),
    Case(
        "ru",
        "en",
        "В июле министр посетит Москву.",
        "In June, the Minister will visit Moscow.",
        True,
    ),
    Case(
        "en",
        "ru",
        "On July 7, 2023, the Minister visited Moscow.",
        "7 июля 2022 г. министр посетил Москву.",
        True,
    ),
    Case(
        "ja",
        "en",
        "7月11日（火曜日）、日露外相会談が行われました。",
        "On Wednesday, July 11, the Japan-Russia Foreign Ministers' Meeting was held.",
        True,
    ),
    Case(
        "en",
        "ja",
        "On July 7 and 8, the Minister visited Hamburg.",
        "7月7日及び9日、大臣はハンブルクを訪問しました。",
        True,
    ),
    Case(
        "ru",
        "en",
        "Переговоры начнутся в 10:00 по местному времени.",
        "The talks will begin at 11:00 a.m. local time.",
        True,
    ),
    Case(
        "en",
        "ru",
        "The Forum will be held from 3 to 5 July in Vladivostok.",
        "Форум пройдет с 3 по 5 июня во Владивостоке.",
        True,
    ),
    Case("ja", "en", "会談は午後5時半に終了しました。", "The talks ended at 5:00 p.m.", True),
    Case("en", "ru", "The ceremony will begin at noon.", "Церемония начнется в 13:00.", True),
]

PROPER_NAME = [
    # --- correct ---
    Case(
        "ja",
        "en",
        "田中太郎外務大臣は、ラヴロフ外相と会談を行いました。",
        "Mr. Taro Tanaka, Minister for Foreign Affairs of Japan, held a meeting with Foreign Minister Lavrov.",
        False,
    ),
    Case(
        "ja",
        "en",
        "田中大臣は、両国関係の発展を歓迎しました。",
        "Minister Tanaka welcomed the development of bilateral relations.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "田中太郎外務大臣は、ラヴロフ外相と会談を行いました。",
        "Министр иностранных дел Японии Таро Танака провел встречу с Министром иностранных дел России Лавровым.",
        False,
    ),
    Case(
        "en",
        "ru",
        "Minister Tanaka stated that Japan would continue its efforts.",
        "Министр Танака заявил, что Япония продолжит свои усилия.",
        False,
    ),
    Case(
        "ru",
        "ja",
        "Министр Танака подчеркнул важность диалога.",
        "田中大臣は、対話の重要性を強調しました。",
        False,
    ),
    Case(
        "en",
        "ja",
        "Prime Minister Abe and President Putin held a Summit Meeting.",
        "安倍総理とプーチン大統領は首脳会談を行いました。",
        False,
    ),
    Case(
        "ja",
        "ru",
        "プーチン大統領は、安倍総理を歓迎しました。",
        "Президент Путин приветствовал премьер-министра Абэ.",
        False,
    ),
    # --- one error each ---
    Case(
        "ja",
        "en",
        "田中大臣は、両国関係の発展を歓迎しました。",
        "The Minister welcomed the development of bilateral relations.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "田中太郎外務大臣は、ラヴロフ外相と会談を行いました。",
        "Министр иностранных дел Японии провел встречу с Министром иностранных дел России Лавровым.",
        True,
    ),
    Case(
        "en",
        "ru",
        "Minister Tanaka stated that Japan would continue its efforts.",
        "Министр заявил, что Япония продолжит свои усилия.",
        True,
    ),
    Case(
        "ru",
        "ja",
        "Министр Танака подчеркнул важность диалога.",
        "大臣は、対話の重要性を強調しました。",
        True,
    ),
    Case(
        "en",
        "ja",
        "Prime Minister Abe and President Putin held a Summit Meeting.",
        "安倍総理と大統領は首脳会談を行いました。",
        True,
    ),
    Case(
        "ja",
        "ru",
        "プーチン大統領は、安倍総理を歓迎しました。",
        "Президент Путин приветствовал премьер-министра.",
        True,
    ),
]

TERMS = [
    # --- correct: terms inflected in Russian, written without spaces in Japanese ---
    Case(
        "en",
        "ru",
        "The two leaders discussed the conclusion of a peace treaty.",
        "Лидеры обсудили вопрос заключения мирного договора.",
        False,
    ),
    Case(
        "en",
        "ja",
        "Joint economic activities on the Four Northern Islands were discussed.",
        "北方四島における共同経済活動について議論が行われました。",
        False,
    ),
    Case(
        "ru",
        "ja",
        "Стороны обсудили совместную хозяйственную деятельность на четырех северных островах.",
        "双方は北方四島における共同経済活動について議論しました。",
        False,
    ),
    Case(
        "ja",
        "ru",
        "元島民による特別墓参が実施されました。",
        "Состоялось специальное посещение мест захоронений бывшими жителями островов.",
        False,
    ),
    # --- one error each ---
    Case(
        "en",
        "ru",
        "The two leaders discussed the conclusion of a peace treaty.",
        "Лидеры обсудили вопрос заключения соглашения.",
        True,
    ),
    Case(
        "en",
        "ja",
        "Joint economic activities on the Four Northern Islands were discussed.",
        "北方四島における経済協力について議論が行われました。",
        True,
    ),
    Case(
        "ru",
        "ja",
        "Стороны обсудили совместную хозяйственную деятельность на четырех северных островах.",
        "双方は島々における共同経済活動について議論しました。",
        True,
    ),
    Case(
        "ja",
        "ru",
        "元島民による特別墓参が実施されました。",
        "Состоялось специальное посещение мест захоронений жителями.",
        True,
    ),
]

FORBIDDEN = [
    Case(
        "ja",
        "ru",
        "北方領土問題について議論しました。",
        "Стороны обсудили проблему северных территорий.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "北方領土問題について議論しました。",
        "Стороны обсудили проблему Южных Курил.",
        True,
    ),
]

FORM = [
    Case(
        "ja",
        "en",
        "両外相は、「協力プラン」の進捗を確認しました。",
        "The two Foreign Ministers confirmed the progress of the “cooperation plan.”",
        False,
    ),
    Case(
        "en",
        "ru",
        "The Ministers confirmed the progress (see Annex).",
        "Министры подтвердили прогресс (см. приложение).",
        False,
    ),
    Case(
        "ja",
        "en",
        "両外相は、「協力プラン」の進捗を確認しました。",
        "The two Foreign Ministers confirmed the progress of the “cooperation plan.",
        True,
    ),
    Case(
        "en",
        "ru",
        "The Ministers confirmed the progress (see Annex).",
        "Министры подтвердили прогресс (см. приложение.",
        True,
    ),
]

DATED = [
    # 本日 and "today", 同日, 翌日 read against the release's date (a Wednesday, July 12, 2023).
    RealCase(
        "date",
        "en",
        "ja",
        "On July 12, Foreign Minister Tanaka held a meeting.",
        "本日、田中外務大臣は会談を行いました。",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "本日、田中大臣は会談を行いました。",
        "On July 12, Minister Tanaka held a meeting.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "本日、田中大臣は会談を行いました。",
        "12 июля министр Танака провел встречу.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "7月11日、両外相は会談を行い、同日夕刻、夕食会を行いました。",
        "On July 11, the two Foreign Ministers held talks and, in the evening of the same day, a dinner.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "7月11日に会談が行われ、翌日、共同声明が発出されました。",
        "11 июля состоялись переговоры, а 12 июля было опубликовано совместное заявление.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "On July 11 (Tue), the Minister arrived in Moscow.",
        "7月11日（火）、大臣はモスクワに到着しました。",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "本日、田中大臣は会談を行いました。",
        "On July 13, Minister Tanaka held a meeting.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "On July 12, Foreign Minister Tanaka held a meeting.",
        "7月13日、田中外務大臣は会談を行いました。",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "7月11日に会談が行われ、翌日、共同声明が発出されました。",
        "11 июля состоялись переговоры, а 13 июля было опубликовано совместное заявление.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "On July 11 (Tue), the Minister arrived in Moscow.",
        "7月11日（水）、大臣はモスクワに到着しました。",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "本日、田中大臣は会談を行いました。",
        "11 июля министр Танака провел встречу.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "7月11日、両外相は会談を行い、同日夕刻、夕食会を行いました。",
        "On July 11, the two Foreign Ministers held talks and, on the evening of July 12, a dinner.",
        True,
        RELEASE,
    ),
]

# Further shapes: halves and amounts said without a numeral, myriads with 千, anniversaries,
# Roman numerals, tenths (割), idioms that carry a numeral in Japanese only, clocks written
# in words or with a period, ISO dates, abbreviated weekdays, names with a title inside.
NUMBER += [
    Case(
        "ja",
        "ru",
        "両首脳は約1時間、少人数会合を行いました。",
        "Лидеры провели встречу в узком составе, продолжавшуюся около часа.",
        False,
    ),
    Case(
        "ja",
        "en",
        "続いて約30分間、テタテ会談が行われました。",
        "This was followed by a tête-à-tête meeting for approximately half an hour.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "続いて約30分間、テタテ会談が行われました。",
        "Затем в течение примерно получаса состоялась встреча тет-а-тет.",
        False,
    ),
    Case(
        "ja",
        "en",
        "我が国の人口は約1億2千万人です。",
        "The population of Japan is approximately 120 million.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "本年は日露国交回復50周年に当たります。",
        "В этом году исполняется пятидесятилетие восстановления дипломатических отношений между Японией и Россией.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "第8回東方経済フォーラムが開催されました。",
        "Состоялся VIII Восточный экономический форум.",
        False,
    ),
    Case(
        "ja",
        "en",
        "第二次世界大戦の終結から78年が経過しました。",
        "78 years have passed since the end of World War II.",
        False,
    ),
    Case(
        "ja",
        "en",
        "輸出の約3割がアジア向けです。",
        "Approximately 30 percent of exports go to Asia.",
        False,
    ),
    Case(
        "ja",
        "en",
        "両国は2国間の協力を一層強化することで一致しました。",
        "The two countries agreed to further strengthen bilateral cooperation.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "貿易額は約2.5倍に増加しました。",
        "Товарооборот вырос примерно в 2,5 раза.",
        False,
    ),
    Case(
        "ja",
        "en",
        "同計画は1年半にわたり実施されます。",
        "The plan will be implemented over a year and a half.",
        False,
    ),
    Case(
        "ja",
        "en",
        "同国との外交関係樹立から100周年を迎えました。",
        "The two countries celebrated the centenary of the establishment of diplomatic relations.",
        False,
    ),
    Case("en", "ja", "The talks lasted about half an hour.", "会談は約30分間行われました。", False),
    Case(
        "ja",
        "ru",
        "両外相は約1時間、少人数会合を行いました。",
        "Министры провели встречу в узком составе, продолжавшуюся около двух часов.",
        True,
    ),
    Case(
        "ja",
        "en",
        "続いて約30分間、テタテ会談が行われました。",
        "This was followed by a tête-à-tête meeting for approximately an hour.",
        True,
    ),
    Case(
        "ja",
        "en",
        "我が国の人口は約1億2千万人です。",
        "The population of Japan is approximately 12 million.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "本年は日露国交回復50周年に当たります。",
        "В этом году исполняется сорокалетие восстановления дипломатических отношений между Японией и Россией.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "第8回東方経済フォーラムが開催されました。",
        "Состоялся VII Восточный экономический форум.",
        True,
    ),
    Case(
        "ja",
        "en",
        "輸出の約3割がアジア向けです。",
        "Approximately 40 percent of exports go to Asia.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "同計画は1年半にわたり実施されます。",
        "План будет осуществляться в течение двух лет.",
        True,
    ),
    Case("en", "ja", "The talks lasted about half an hour.", "会談は約1時間行われました。", True),
    Case(
        "en",
        "ja",
        "A dozen experts from the two countries attended.",
        "両国から10名の専門家が出席しました。",
        True,
    ),
]

DATE += [
    Case(
        "ja", "ru", "会談は午後5時30分に始まりました。", "Переговоры начались в 5:30 вечера.", False
    ),
    Case(
        "en",
        "ja",
        "The reception began at 6.30 p.m.",
        "レセプションは午後6時30分に始まりました。",
        False,
    ),
    Case("en", "ru", "The reception began at 6 p.m.", "Прием начался в шесть часов вечера.", False),
    Case("ja", "ru", "会談は17時から行われました。", "Переговоры начались в 17 ч.", False),
    Case("ja", "en", "2023年7月11日付の書簡", "the letter dated 2023-07-11", False),
    Case(
        "ja",
        "en",
        "7月11日（火）、両外相は会談を行いました。",
        "On Tue., July 11, the two Foreign Ministers held talks.",
        False,
    ),
    Case(
        "ja",
        "en",
        "7月11日に到着し、翌日、首脳会談に出席しました。",
        "He arrived on July 11 and attended the Summit Meeting on the 12th.",
        False,
    ),
    Case(
        "ja",
        "en",
        "7月11日、両外相は会談を行い、同日、共同声明を発出しました。",
        "On July 11, the two Foreign Ministers held talks and on that day issued a joint statement.",
        False,
    ),
    Case("ja", "ru", "会談は午後5時30分に始まりました。", "Переговоры начались в 5:30 утра.", True),
    Case(
        "en",
        "ja",
        "The reception began at 6.30 p.m.",
        "レセプションは午後7時30分に始まりました。",
        True,
    ),
    Case("en", "ru", "The reception began at 6 p.m.", "Прием начался в семь часов вечера.", True),
    Case("ja", "en", "2023年7月11日付の書簡", "the letter dated 2023-07-12", True),
    Case(
        "ja",
        "en",
        "7月11日（火）、両外相は会談を行いました。",
        "On Wed., July 11, the two Foreign Ministers held talks.",
        True,
    ),
    Case(
        "ja",
        "en",
        "7月11日に到着し、翌日、首脳会談に出席しました。",
        "He arrived on July 11 and attended the Summit Meeting on July 13.",
        True,
    ),
]

PROPER_NAME += [
    Case(
        "ja",
        "en",
        "プーチン大統領は、会談の成果を歓迎しました。",
        "President Vladimir Putin welcomed the results of the talks.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "安倍総理はプーチン大統領と会談しました。",
        "Премьер-министр Абэ провел переговоры с Президентом Российской Федерации Владимиром Путиным.",
        False,
    ),
    Case(
        "en",
        "ja",
        "Minister Tanaka attended the ceremony.",
        "田中外務大臣は式典に出席しました。",
        False,
    ),
    Case(
        "en",
        "ja",
        "Prime Minister Abe delivered a speech.",
        "安倍晋三総理大臣は演説を行いました。",
        False,
    ),
    Case(
        "ja",
        "en",
        "プーチン大統領は、会談の成果を歓迎しました。",
        "President Medvedev welcomed the results of the talks.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "安倍総理はプーチン大統領と会談しました。",
        "Премьер-министр провел переговоры с Президентом Российской Федерации Владимиром Путиным.",
        True,
    ),
    Case(
        "en", "ja", "Minister Tanaka attended the ceremony.", "外務大臣は式典に出席しました。", True
    ),
]

NUMBER += [
    Case(
        "ja",
        "en",
        "両外相は、約2時間にわたり夕食会を行いました。",
        "The two Foreign Ministers held a dinner for about two hours.",
        False,
    ),
    Case(
        "en",
        "ru",
        "The leaders held a 10-minute meeting on the margins of the G7 Hiroshima Summit.",
        "Лидеры провели десятиминутную встречу на полях саммита «Большой семерки» в Хиросиме.",
        False,
    ),
    Case(
        "ja",
        "en",
        "両外相は、約2時間にわたり夕食会を行いました。",
        "The two Foreign Ministers held a dinner for about three hours.",
        True,
    ),
    Case(
        "en",
        "ru",
        "The leaders held a 10-minute meeting on the margins of the G7 Hiroshima Summit.",
        "Лидеры провели пятиминутную встречу на полях саммита «Большой семерки» в Хиросиме.",
        True,
    ),
]
DATE += [
    Case(
        "ja", "ru", "会議は午前11時から開催されます。", "Совещание пройдет с 11 часов утра.", False
    ),
    Case(
        "ja", "ru", "会議は午前11時から開催されます。", "Совещание пройдет с 10 часов утра.", True
    ),
]

NUMBER += [
    Case(
        "en",
        "ru",
        "As of 3:00 p.m. on July 11, a total of 15 Japanese nationals had been confirmed safe.",
        "По состоянию на 15:00 11 июля подтверждена безопасность в общей сложности 15 граждан Японии.",
        False,
    ),
    Case(
        "en",
        "ja",
        "The Ministers held talks for two and a half hours.",
        "両大臣は2時間半にわたり会談を行いました。",
        False,
    ),
    Case(
        "en",
        "ru",
        "As of 3:00 p.m. on July 11, a total of 15 Japanese nationals had been confirmed safe.",
        "По состоянию на 15:00 11 июля подтверждена безопасность в общей сложности 16 граждан Японии.",
        True,
    ),
    Case(
        "en",
        "ru",
        "The Ministers held talks for two and a half hours.",
        "Министры провели переговоры в течение 3,5 часа.",
        True,
    ),
]
DATE += [
    Case(
        "ja",
        "en",
        "令和5年7月11日から13日まで、田中外務大臣はロシアを訪問します。",
        "Foreign Minister Tanaka will visit Russia from July 11 to 13, 2023.",
        False,
    ),
    Case(
        "ja",
        "en",
        "令和5年7月11日から13日まで、田中外務大臣はロシアを訪問します。",
        "Foreign Minister Tanaka will visit Russia from July 11 to 13, 2024.",
        True,
    ),
]

NUMBER += [
    Case(
        "ja",
        "ru",
        "今回は同大臣にとって三度目の訪日となります。",
        "Это третий визит министра в Японию.",
        False,
    ),
    Case(
        "en",
        "ja",
        "The delegation visited three cities in the Far East.",
        "代表団は極東の3都市を訪問しました。",
        False,
    ),
    Case(
        "ja",
        "ru",
        "今回は同大臣にとって三度目の訪日となります。",
        "Это четвертый визит министра в Японию.",
        True,
    ),
    Case(
        "ru",
        "en",
        "За два дня делегация посетила три города.",
        "Over two days, the delegation visited four cities.",
        True,
    ),
]

NUMBER += [
    Case(
        "ja",
        "ru",
        "第10回日露投資フォーラムには約2,500名が参加しました。",
        "В X Японско-российском инвестиционном форуме приняли участие около двух с половиной тысяч человек.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "第10回日露投資フォーラムには約2,500名が参加しました。",
        "В IX Японско-российском инвестиционном форуме приняли участие около двух с половиной тысяч человек.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "第10回日露投資フォーラムには約2,500名が参加しました。",
        "В X Японско-российском инвестиционном форуме приняли участие около трех с половиной тысяч человек.",
        True,
    ),
]

FORM += [
    Case(
        "ja",
        "ru",
        "（1）経済分野：両外相は、貿易の拡大を歓迎しました。",
        "1) Экономическая сфера: министры приветствовали расширение торговли.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "（1）経済分野：両外相は、貿易の拡大を歓迎しました。",
        "1) Экономическая сфера: министры приветствовали (расширение торговли.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "両外相は、『日露行動計画』の実施状況を確認しました。",
        "Министры рассмотрели ход выполнения «Японско-российского плана действий».",
        False,
    ),
    Case(
        "ja",
        "en",
        "両外相は、『日露行動計画』の実施状況を確認しました。",
        "The Ministers reviewed the implementation of the “Japan-Russia Action Plan.",
        True,
    ),
]

NUMBER += [
    Case(
        "ja",
        "en",
        "会合には数十名の専門家が参加し、一人ひとりが意見を述べました。",
        "Dozens of experts attended the meeting, and each of them expressed their views.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "両国は30年以上にわたり協力を続けてきました。",
        "Две страны сотрудничают на протяжении более 30 лет.",
        False,
    ),
    Case(
        "ja",
        "en",
        "両国は30年以上にわたり協力を続けてきました。",
        "The two countries have cooperated for more than three decades.",
        False,
    ),
    Case(
        "en",
        "ja",
        "The Group of Seven (G7) discussed measures against COVID-19.",
        "G7は新型コロナウイルス感染症対策について議論しました。",
        False,
    ),
    Case(
        "ja",
        "en",
        "両国は30年以上にわたり協力を続けてきました。",
        "The two countries have cooperated for more than two decades.",
        True,
    ),
    Case(
        "en",
        "ja",
        "The Group of Seven (G7) discussed measures against COVID-19.",
        "G20は新型コロナウイルス感染症対策について議論しました。",
        True,
    ),
]

NUMBER += [
    Case(
        "ru",
        "ja",
        "За первые шесть месяцев года товарооборот вырос на 15,3%.",
        "最初の6か月間で、貿易額は15.3％増加しました。",
        False,
    ),
    Case(
        "ru",
        "en",
        "В форуме приняли участие около тысячи человек.",
        "About a thousand people took part in the forum.",
        False,
    ),
    Case(
        "ru",
        "ja",
        "Фестиваль посетили десятки тысяч человек.",
        "同フェスティバルには数万人が来場しました。",
        False,
    ),
    Case(
        "ru",
        "ja",
        "За первые шесть месяцев года товарооборот вырос на 15,3%.",
        "最初の5か月間で、貿易額は15.3％増加しました。",
        True,
    ),
    Case(
        "ru",
        "en",
        "В форуме приняли участие около тысячи человек.",
        "About a hundred people took part in the forum.",
        True,
    ),
]

DATE += [
    Case(
        "ja",
        "en",
        "説明会は7月3日〜5日の午後5時〜6時に開催されます。",
        "Briefings will be held on July 3–5, from 5:00 to 6:00 p.m.",
        False,
    ),
    Case(
        "ja",
        "ru",
        "説明会は7月3日〜5日の午後5時〜6時に開催されます。",
        "Брифинги пройдут 3–5 июля с 17:00 до 18:00.",
        False,
    ),
    Case(
        "ja",
        "en",
        "説明会は7月3日〜5日の午後5時〜6時に開催されます。",
        "Briefings will be held on July 3–6, from 5:00 to 6:00 p.m.",
        True,
    ),
    Case(
        "ja",
        "ru",
        "説明会は7月3日〜5日の午後5時〜6時に開催されます。",
        "Брифинги пройдут 3–5 июля с 17:00 до 19:00.",
        True,
    ),
]

# Day lists and pairs (7、8日, 7・8日, 7日及び8日, 7、8両日), weekdays inside a range, slash and
# dotted dates, and 翌13日 / "the next day, the 13th" with no date before it in the unit (read
# against the release's date). Each shape correct, then with one day or weekday wrong.
SHAPES = [
    RealCase(
        "date",
        "ja",
        "en",
        "首脳会議は7月7、8日に開催されました。",
        "The summit was held on July 7 and 8.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "首脳会議は7月7、8日に開催されました。",
        "The summit was held on July 7 and 9.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "首脳会議は7月7，8日に開催されました。",
        "Саммит прошел 7 и 8 июля.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "首脳会議は7月7，8日に開催されました。",
        "Саммит прошел 7 и 9 июля.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "首脳会議は7月7・8日に開催されました。",
        "The summit was held on the 7th and 8th of July.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "首脳会議は7月7・8日に開催されました。",
        "The summit was held on the 6th and 8th of July.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "会合は7月7日及び8日に開催されます。",
        "The meetings will be held on July 7 and 8.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "会合は7月7日及び8日に開催されます。",
        "The meetings will be held on July 7 and 10.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "会合は7月7日と8日に開催されます。",
        "Встречи пройдут 7 и 8 июля.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "会合は7月7日と8日に開催されます。",
        "Встречи пройдут 7 и 18 июля.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "7月7、8両日、会合が開催されました。",
        "The meetings were held on July 7 and 8.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "7月7、8両日、会合が開催されました。",
        "The meetings were held on July 8 and 9.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "The summit was held on July 7 and 8.",
        "首脳会議は7月7、8日に開催されました。",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "The summit was held on July 7 and 8.",
        "首脳会議は7月7、9日に開催されました。",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ru",
        "ja",
        "Саммит прошел 7 и 8 июля.",
        "首脳会議は7月7・8日に開催されました。",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ru",
        "ja",
        "Саммит прошел 7 и 8 июля.",
        "首脳会議は7月7・9日に開催されました。",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "同展示会は7月31日から8月2日まで開催されます。",
        "The exhibition will be held from July 31 to August 2.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "同展示会は7月31日から8月2日まで開催されます。",
        "The exhibition will be held from July 31 to August 3.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "The exhibition will be held from July 31 to August 2.",
        "同展示会は7月31日から8月2日まで開催されます。",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "The exhibition will be held from July 31 to August 2.",
        "同展示会は7月30日から8月2日まで開催されます。",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "協議は7月11日（火）～12日（水）に行われました。",
        "Консультации прошли с 11 (вт) по 12 (ср) июля.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "協議は7月11日（火）～12日（水）に行われました。",
        "Консультации прошли с 11 (вт) по 13 (ср) июля.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "協議は7月11日（火）～12日（水）に行われました。",
        "Консультации прошли с 11 (вт) по 12 (чт) июля.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "協議は7月11日（火）～12日（水）に行われました。",
        "The consultations took place on July 11 (Tue) – 12 (Wed).",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "協議は7月11日（火）～12日（水）に行われました。",
        "The consultations took place on July 11 (Tue) – 12 (Thu).",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "協議は7月11日（火）～12日（水）に行われました。",
        "The consultations took place on July 10 (Tue) – 12 (Wed).",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ru",
        "The consultations took place on July 11 (Tue) – 12 (Wed).",
        "Консультации прошли с 11 (вт) по 12 (ср) июля.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ru",
        "The consultations took place on July 11 (Tue) – 12 (Wed).",
        "Консультации прошли с 11 (вт) по 12 (пт) июля.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ru",
        "en",
        "Консультации прошли с 11 (вт) по 12 (ср) июля.",
        "The consultations took place on July 11 (Tue) – 12 (Wed).",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ru",
        "en",
        "Консультации прошли с 11 (вт) по 12 (ср) июля.",
        "The consultations took place on July 11 (Tue) – 13 (Wed).",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "（2023/7/11）協議が行われました。",
        "(July 11, 2023) Consultations were held.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "（2023/7/11）協議が行われました。",
        "(July 12, 2023) Consultations were held.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "（2023/7/11）協議が行われました。",
        "(11.07.2023) Состоялись консультации.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "（2023/7/11）協議が行われました。",
        "(11.08.2023) Состоялись консультации.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ru",
        "en",
        "Консультации состоялись 11.07.2023.",
        "Consultations were held on 7/11/2023.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ru",
        "en",
        "Консультации состоялись 11.07.2023.",
        "Consultations were held on 11/7/2023.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "Consultations were held on 7/11/2023.",
        "協議は2023年7月11日に行われました。",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "Consultations were held on 7/11/2023.",
        "協議は2023年11月7日に行われました。",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ru",
        "Consultations were held on 7/11/2023.",
        "Консультации состоялись 11.07.2023.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ru",
        "Consultations were held on 7/11/2023.",
        "Консультации состоялись 07.11.2023.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "翌13日、両外相は共同声明を発出しました。",
        "The next day, the 13th, the two Foreign Ministers issued a joint statement.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "翌13日、両外相は共同声明を発出しました。",
        "On July 13, the two Foreign Ministers issued a joint statement.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "en",
        "翌13日、両外相は共同声明を発出しました。",
        "On July 14, the two Foreign Ministers issued a joint statement.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "翌13日、両外相は共同声明を発出しました。",
        "На следующий день, 13 июля, министры приняли совместное заявление.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "ja",
        "ru",
        "翌13日、両外相は共同声明を発出しました。",
        "На следующий день, 14 июля, министры приняли совместное заявление.",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "The next day, the 13th, the two Ministers issued a joint statement.",
        "翌13日、両外相は共同声明を発出しました。",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ja",
        "The next day, the 13th, the two Ministers issued a joint statement.",
        "翌14日、両外相は共同声明を発出しました。",
        True,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ru",
        "The next day, the 13th, the two Ministers issued a joint statement.",
        "13 июля министры приняли совместное заявление.",
        False,
        RELEASE,
    ),
    RealCase(
        "date",
        "en",
        "ru",
        "The next day, the 13th, the two Ministers issued a joint statement.",
        "12 июля министры приняли совместное заявление.",
        True,
        RELEASE,
    ),
]

CASES = (
    [("number", c) for c in NUMBER]
    + [("date", c) for c in DATE]
    + [("proper-name", c) for c in PROPER_NAME]
    + [("missing-term", c) for c in TERMS]
    + [("forbidden-term", c) for c in FORBIDDEN]
    + [("form", c) for c in FORM]
)

ALL = [RealCase(check, *case) for check, case in CASES] + DATED + SHAPES


def evaluate_more(case: RealCase):
    """Return the findings of the case's check on one case of this set."""
    return evaluate_real(case)


def scores(cases=None) -> dict[str, tuple[int, int, int, int]]:
    """Return, per check, (true positives, false alarms, misses, true negatives) on the set."""
    counts: dict[str, list[int]] = {}
    for case in ALL if cases is None else cases:
        flagged = bool(evaluate_more(case))
        row = counts.setdefault(case.check, [0, 0, 0, 0])
        row[0 if flagged and case.flagged else 1 if flagged else 2 if case.flagged else 3] += 1
    return {check: tuple(row) for check, row in counts.items()}


def table(counts: dict[str, tuple[int, int, int, int]]) -> str:
    """Return the counts as a table with each check's precision and recall."""
    lines = [f"{'check':<15} {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3}  precision  recall"]
    for check, (tp, fp, fn, tn) in counts.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        lines.append(
            f"{check:<15} {tp:>3} {fp:>3} {fn:>3} {tn:>3}  {precision:9.2f}  {recall:6.2f}"
        )
    return "\n".join(lines)
