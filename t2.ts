import { Warehouse } from './pipelines/warehouse.ts';
import { readFileSync } from 'node:fs';
const wh = await Warehouse.open(':memory:');
await wh.run(readFileSync('models/macros/rounding.sql','utf8'));
console.log(await wh.all(`select pct_1dp(1,16) a, pct_1dp(3, 2000) b, mean_2dp(-1, 8) c, mean_2dp(12.345::decimal(18,3)*0+100.01, 3) d, median_1dp([10,20,30,45]) e, median_1dp([15]) f, round_to_5(12) g, round_to_5(13) h, round_to_100_dollars(12349.99) i, round_to_100_dollars(12350.00) j, round_to_100_dollars(-12350.00) k, median_1dp([1,2]) l, pct_1dp(0, 5) m`));
