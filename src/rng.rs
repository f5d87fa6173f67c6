//! The random numbers of panelist: SplitMix64 (Steele, Lea and Flood 2014;
//! Vigna's splitmix64.c), written out here so that a seed gives the same
//! resampling in the analysis, and the same synthetic review, on every
//! machine and with every version of every crate, for as long as results
//! must be reproducible.

/// SplitMix64: tiny, fast and fixed.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0.0..1.0`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n`, without the bias of a plain modulo (Lemire 2019);
    /// 0 when `n` is 0.
    pub fn below(&mut self, n: usize) -> usize {
        self.below_from(n).0
    }

    /// [`SplitMix64::below`], with the number it was taken from: the
    /// first `x` drawn with `x·n mod 2⁶⁴` at least `2⁶⁴ mod n` (the others
    /// are rejected), giving `⌊x·n / 2⁶⁴⌋`; (0, 0) when `n` is 0. So that
    /// a published draw can be checked by hand.
    pub fn below_from(&mut self, n: usize) -> (usize, u64) {
        let n = n as u64;
        if n == 0 {
            return (0, 0);
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let x = self.next_u64();
            let product = u128::from(x) * u128::from(n);
            if (product as u64) >= threshold {
                return ((product >> 64) as usize, x);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_sequence() {
        // From the reference implementation (Vigna, splitmix64.c), seed 0.
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(rng.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert_eq!(rng.next_u64(), 0x06c4_5d18_8009_454f);
    }

    #[test]
    fn below_stays_below_and_reaches_every_value() {
        let mut rng = SplitMix64::new(7);
        let mut seen = [0u32; 7];
        for _ in 0..7000 {
            seen[rng.below(7)] += 1;
        }
        assert!(seen.iter().all(|&count| count > 800), "{seen:?}");
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.below(1), 0);
    }

    #[test]
    fn below_from_gives_below_and_the_number_it_came_from() {
        let (mut a, mut b) = (SplitMix64::new(2007), SplitMix64::new(2007));
        for n in [1usize, 2, 3, 7, 1000, usize::MAX] {
            let (index, x) = b.below_from(n);
            assert_eq!(a.below(n), index);
            // Lemire's map, as the lottery's report states it.
            assert_eq!(((u128::from(x) * n as u128) >> 64) as usize, index);
        }
        assert_eq!(SplitMix64::new(2007).below_from(0), (0, 0));
    }
}
