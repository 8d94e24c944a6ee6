-- Rounding macros shared by the models (measures.md "Kinds, values and rounding"): half away from zero,
-- done in integer arithmetic so that no binary fraction turns 12.25 into 12.2.

-- a / b rounded to the nearest integer, half away from zero (a, b integers, b > 0).
create or replace macro div_half_away(a, b) as
    case when a >= 0 then (2 * a::hugeint + b) // (2 * b::hugeint)
         else -((2 * (-a::hugeint) + b) // (2 * b::hugeint)) end;

-- 100 × num / den as a percentage with 1 decimal (rate, per100).
create or replace macro pct_1dp(num, den) as
    (div_half_away(1000 * num::hugeint, den) / 10)::decimal(18, 1);

-- num / den with 2 decimals (mean); num may be money with 2 decimals.
create or replace macro mean_2dp(num, den) as
    (div_half_away((num * 100)::hugeint, den) / 100)::decimal(18, 2);

-- The median of values given in tenths (integers), with 1 decimal: mean of the two middle values when even.
create or replace macro median_1dp(tenths) as
    (div_half_away(
        list_sort(tenths)[(len(tenths) + 1) // 2] + list_sort(tenths)[(len(tenths) + 2) // 2], 2) / 10)::decimal(18, 1);

-- A people count rounded to the nearest multiple of 5 (public tier).
create or replace macro round_to_5(n) as (div_half_away(n, 5) * 5)::bigint;

-- Money rounded to the nearest 100 dollars, half away from zero (public tier). Wide: it rounds province
-- totals, which can exceed the DECIMAL(18, 2) of a single amount.
create or replace macro round_to_100_dollars(amount) as
    (div_half_away((amount * 100)::hugeint, 10000) * 100)::decimal(38, 2);
