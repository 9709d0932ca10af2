#!/usr/bin/env python3
"""Writes the hand-made table fixtures of this folder (run it here; the output is committed).
Every value is a simple function of the row, so the tests' expectations can be read off the file."""
import datetime as dt

def w(name, text):
    with open(name, "w", newline="") as f:
        f.write(text)

# 1. Date in column 2, hour as "HH:00" in column 4, a constant text attribute in column 1; 3 days hourly.
rows = ["station,date,visits,hour"]
for d in range(3):
    for h in range(24):
        rows.append(f"north,2025-03-{10 + d:02d},{1000 + d * 100 + h},{h:02d}:00")
w("date_and_hhmm_hour.csv", "\n".join(rows) + "\n")

# 2. US date + 12-hour time in two columns, a load in MW (whole numbers: a gauge); 2 days hourly.
rows = ["Date,Time,Load (MW)"]
for d in range(2):
    for h in range(24):
        t = dt.time(h)
        hh = (h % 12) or 12
        ampm = "AM" if h < 12 else "PM"
        rows.append(f"07/{14 + d:02d}/2025,{hh}:00 {ampm},{5000 + d * 100 + h}")
w("us_date_and_ampm_time_load_mw.csv", "\n".join(rows) + "\n")

# 3. Year;Month;Day;Hour;Minute columns, ';'-separated, every 15 minutes for one day (96 rows).
rows = ["Year;Month;Day;Hour;Minute;requests"]
for k in range(96):
    h, m = divmod(k * 15, 60)
    rows.append(f"2024;2;29;{h};{m};{k * 2}")
w("year_month_day_hour_minute.csv", "\n".join(rows) + "\n")

# 4. year,month,day,hour with hours 1-24 (hour ending), 2 days.
rows = ["year,month,day,hour,kwh"]
for d in range(2):
    for h in range(1, 25):
        rows.append(f"2025,1,{1 + d},{h},{d * 100 + h}")
w("year_month_day_hour_ending.csv", "\n".join(rows) + "\n")

# 5. A long ("tidy") export: three regions share the timestamps; status is an attribute. 24 hours.
rows = ["timestamp,region,status,requests"]
for h in range(24):
    for r, region in enumerate(["eu", "us", "ap"]):
        status = "degraded" if (h + r) % 7 == 0 else "ok"
        rows.append(f"2025-05-01T{h:02d}:00:00Z,{region},{status},{(r + 1) * 1000 + h}")
w("tidy_three_regions.csv", "\n".join(rows) + "\n")

# 6. Hourly counts with a holiday attribute; hours 5 and 17 appear twice with the same value and a
#    different holiday name (one observation, not two). 48 rows + 2 repeats.
rows = ["time,count,holiday"]
for h in range(48):
    t = dt.datetime(2025, 12, 24) + dt.timedelta(hours=h)
    name = "Christmas Eve" if h < 24 else "Christmas Day"
    rows.append(f"{t:%Y-%m-%d %H:%M},{100 + h},{name}")
    if h in (5, 17):
        rows.append(f"{t:%Y-%m-%d %H:%M},{100 + h},Holiday season")
w("repeated_rows_differing_in_attributes.csv", "\n".join(rows) + "\n")

# 7. One day of US 12-hour timestamps with nanoseconds, every 30 minutes (48 rows); every date fits both orders.
rows = ["Timestamp,Value"]
for k in range(48):
    t = dt.datetime(2017, 11, 6) + dt.timedelta(minutes=30 * k)
    hh = (t.hour % 12) or 12
    ampm = "AM" if t.hour < 12 else "PM"
    rows.append(f"11/6/2017 {hh}:{t.minute:02d}:55.123456789 {ampm},{k + 1}")
w("us_ampm_one_day_nanoseconds.csv", "\n".join(rows) + "\n")

# 8. A date column that repeats 24 times a day beside an unnamed-looking column cycling 0-23.
rows = ["date,sales,slot"]
for d in range(4):
    for h in range(24):
        rows.append(f"2025-08-{1 + d:02d},{d * 24 + h},{h}")
w("date_and_cycling_slot.csv", "\n".join(rows) + "\n")

# 9. A date alone repeated 24 times a day with no hour column: read as daily, most rows merged.
rows = ["day,orders"]
for d in range(5):
    for h in range(24):
        rows.append(f"2025-09-{1 + d:02d},{(h * 7) % 13 + 1}")
w("date_repeated_without_hour.csv", "\n".join(rows) + "\n")

# 10. A running total with a neutral name: a monotonic counter (a count).
rows = ["ts,value"]
total = 0
for k in range(60):
    total += 3 + k % 5
    rows.append(f"2025-10-01T{k // 60:02d}:{k % 60:02d}:00Z,{total}")
w("monotonic_counter.csv", "\n".join(rows) + "\n")
