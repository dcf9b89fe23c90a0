"""Representative points of countries, as GeoNames gives them.

GeoNames gives every country one representative point (mostly a rounded centre: the
United States at 39.76, -98.5). No source geowire ships carries it: the extracts have
no country rows, and countryinfo's points (the fallback for countries not listed here)
lie up to 1,000 km away (the United States' 235 km), which would move 171 of the 1,814
GeoWebNews tuning toponyms beyond 161 km. The points below were written from GeoNames
(CC BY 4.0) by hand and could not be checked against a shipped source;
``tests/unit/test_gazetteer.py`` checks that each lies inside its country's towns.
Divisions take Natural Earth's or Who's On First's label points from the extracts.
"""

from __future__ import annotations

# ISO alpha-2, latitude, longitude; GeoNames country points.
_COUNTRY_POINTS = """
AD 42.55 1.58333|AE 23.75 54.5|AF 33 66|AG 17.05 -61.8|AL 41 20|AM 40.25 45|AO -12.5 18.5
AR -34 -64|AT 47.33333 13.33333|AU -25 135|AZ 40.5 47.5|BA 44.25 17.83333|BB 13.16453 -59.55165
BD 24 90|BE 50.75 4.5|BF 12.5 -1.66667|BG 42.66667 25.25|BH 26.03333 50.55|BI -3.5 30
BJ 9.5 2.25|BN 4.5 114.66667|BO -17 -65|BR -10 -55|BS 25.04082 -77.37122|BT 27.5 90.5
BW -22 24|BY 53 28|BZ 17.25 -88.75|CA 60.10867 -113.64258|CD -2.5 23.5|CF 7 21|CG -1 15.5
CH 47.00016 8.01427|CI 8 -5.5|CL -30 -71|CM 6 12.5|CN 35 105|CO 4 -73.25|CR 10 -84|CU 22 -79.5
CV 16 -24|CY 35 33|CZ 49.75 15|DE 51.5 10.5|DJ 11.83333 42.5|DK 56 10|DM 15.5 -61.33333
DO 19 -70.66667|DZ 28 3|EC -1.25 -78.25|EE 59 26|EG 27 30|ER 15 39|ES 40 -4|ET 9 39.5|FI 64 26
FJ -18 178|FR 46 2|GA -1 11.75|GB 54.75844 -2.69531|GD 12.11667 -61.66667|GE 41.99998 43.4999
GH 8.1 -1.2|GM 13.5 -15.5|GN 10.83333 -10.66667|GQ 1.7 10.5|GR 39 22|GT 15.5 -90.25|GW 12 -15
GY 5 -59|HN 15 -86.5|HR 45.16667 15.5|HT 19.07582 -72.29616|HU 47 20|ID -5 120|IE 53 -8
IL 31.5 34.75|IN 22 79|IQ 33 44|IR 32 53|IS 65 -18|IT 42.83333 12.83333|JM 18.16667 -77.25
JO 31 36|JP 35.68536 139.75309|KE 1 38|KG 41.5 75|KH 13 105|KI 1.421 172.984
KM -12.23333 44.44553|KN 17.33333 -62.75|KP 40 127|KR 36.5 127.75|KW 29.5 47.75|KZ 48 68
LA 18 105|LB 33.83333 35.83333|LC 13.88333 -60.96667|LI 47.16667 9.53333|LK 7.75 80.75
LR 6.5 -9.5|LS -29.5 28.25|LT 55.41667 24|LU 49.75 6.16667|LV 57 25|LY 28 17|MA 32 -6
MC 43.73141 7.41903|MD 47.25 28.58333|ME 42.75 19.25|MG -20 47|MH 7.08971 171.38027
MK 41.66667 21.75|ML 18 -2|MM 21 96|MN 46 105|MR 20.25 -10.5|MT 35.91667 14.43333
MU -20.3 57.58333|MV 3.2 73|MW -13.5 34|MX 23 -102|MY 2.5 112.5|MZ -18.25 35|NA -22 17|NE 18 9
NG 10 8|NI 13 -85|NL 52.25 5.75|NO 62 10|NP 28 84|NR -0.517 166.933|NZ -42 174|OM 21 57|PA 9 -80
PE -10 -75.25|PG -6 147|PH 13 122|PK 30 70|PL 52 20|PT 39.6945 -8.13057|PY -23.33333 -58
QA 25.5 51.25|RO 46 25|RS 44.81892 20.45998|RU 60 100|RW -2 30|SA 25 45|SB -8 159
SC -4.58333 55.66667|SD 16 30|SE 62 15|SG 1.36667 103.8|SI 46.08333 15|SK 48.66667 19.5
SL 8.5 -11.5|SM 43.9367 12.4463|SN 14.5 -14.25|SO 6 48|SR 4 -56|SS 7.5 30|ST 1 7
SV 13.83333 -88.91667|SY 35 38|SZ -26.5 31.5|TD 15 19|TG 8.66667 1.08333|TH 15.5 101|TJ 39 71
TL -8.83333 125.75|TM 39.75 59.66667|TN 34 9|TO -20 -175|TR 39 35|TT 11 -61|TV -8.51719 179.14478
TW 24 121|TZ -6 35|UA 49 32|UG 1.25 32.5|US 39.76 -98.5|UY -33 -56|UZ 41.66667 63.83333
VA 41.90225 12.4533|VC 13.08333 -61.2|VE 8 -66|VN 16.16667 107.83333|VU -16 167
WS -13.8 -172.13333|XK 42.58333 20.91667|YE 15.5 47.5|ZA -29 24|ZM -14.33333 28.5|ZW -19 29.75
PS 31.92157 35.20329
"""


def country_points() -> dict[str, tuple[float, float]]:
    """Return GeoNames' representative point per ISO alpha-2 code.

    Returns:
        ``{"US": (39.76, -98.5), ...}``
    """
    return _parse(_COUNTRY_POINTS)


def _parse(table: str) -> dict[str, tuple[float, float]]:
    points: dict[str, tuple[float, float]] = {}
    for item in table.replace("\n", "|").split("|"):
        if item.strip():
            code, lat, lon = item.split()
            points[code] = (float(lat), float(lon))
    return points
