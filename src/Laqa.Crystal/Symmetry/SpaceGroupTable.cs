namespace Laqa.Crystal.Symmetry;

/// <summary>
/// The generator source of the 230 space-group types: number, Hermann–Mauguin short symbol and
/// Hall symbol of the standard setting of the International Tables vol. A (origin choice 2 where
/// there are two, hexagonal axes for the rhombohedral groups, unique axis b and cell choice 1 for
/// the monoclinic groups). The Hall symbols are those of ITB Table A1.4.2.7 (as used by sgtbx and spglib).
/// </summary>
internal static class SpaceGroupTable
{
    public const string Text = """"
          1  P1          P 1
          2  P-1         -P 1
          3  P2          P 2y
          4  P2_1        P 2yb
          5  C2          C 2y
          6  Pm          P -2y
          7  Pc          P -2yc
          8  Cm          C -2y
          9  Cc          C -2yc
         10  P2/m        -P 2y
         11  P2_1/m      -P 2yb
         12  C2/m        -C 2y
         13  P2/c        -P 2yc
         14  P2_1/c      -P 2ybc
         15  C2/c        -C 2yc
         16  P222        P 2 2
         17  P222_1      P 2c 2
         18  P2_12_12    P 2 2ab
         19  P2_12_12_1  P 2ac 2ab
         20  C222_1      C 2c 2
         21  C222        C 2 2
         22  F222        F 2 2
         23  I222        I 2 2
         24  I2_12_12_1  I 2b 2c
         25  Pmm2        P 2 -2
         26  Pmc2_1      P 2c -2
         27  Pcc2        P 2 -2c
         28  Pma2        P 2 -2a
         29  Pca2_1      P 2c -2ac
         30  Pnc2        P 2 -2bc
         31  Pmn2_1      P 2ac -2
         32  Pba2        P 2 -2ab
         33  Pna2_1      P 2c -2n
         34  Pnn2        P 2 -2n
         35  Cmm2        C 2 -2
         36  Cmc2_1      C 2c -2
         37  Ccc2        C 2 -2c
         38  Amm2        A 2 -2
         39  Aem2        A 2 -2c
         40  Ama2        A 2 -2a
         41  Aea2        A 2 -2ac
         42  Fmm2        F 2 -2
         43  Fdd2        F 2 -2d
         44  Imm2        I 2 -2
         45  Iba2        I 2 -2c
         46  Ima2        I 2 -2a
         47  Pmmm        -P 2 2
         48  Pnnn        -P 2ab 2bc
         49  Pccm        -P 2 2c
         50  Pban        -P 2ab 2b
         51  Pmma        -P 2a 2a
         52  Pnna        -P 2a 2bc
         53  Pmna        -P 2ac 2
         54  Pcca        -P 2a 2ac
         55  Pbam        -P 2 2ab
         56  Pccn        -P 2ab 2ac
         57  Pbcm        -P 2c 2b
         58  Pnnm        -P 2 2n
         59  Pmmn        -P 2ab 2a
         60  Pbcn        -P 2n 2ab
         61  Pbca        -P 2ac 2ab
         62  Pnma        -P 2ac 2n
         63  Cmcm        -C 2c 2
         64  Cmce        -C 2bc 2
         65  Cmmm        -C 2 2
         66  Cccm        -C 2 2c
         67  Cmme        -C 2b 2
         68  Ccce        -C 2b 2bc
         69  Fmmm        -F 2 2
         70  Fddd        -F 2uv 2vw
         71  Immm        -I 2 2
         72  Ibam        -I 2 2c
         73  Ibca        -I 2b 2c
         74  Imma        -I 2b 2
         75  P4          P 4
         76  P4_1        P 4w
         77  P4_2        P 4c
         78  P4_3        P 4cw
         79  I4          I 4
         80  I4_1        I 4bw
         81  P-4         P -4
         82  I-4         I -4
         83  P4/m        -P 4
         84  P4_2/m      -P 4c
         85  P4/n        -P 4a
         86  P4_2/n      -P 4bc
         87  I4/m        -I 4
         88  I4_1/a      -I 4ad
         89  P422        P 4 2
         90  P42_12      P 4ab 2ab
         91  P4_122      P 4w 2c
         92  P4_12_12    P 4abw 2nw
         93  P4_222      P 4c 2
         94  P4_22_12    P 4n 2n
         95  P4_322      P 4cw 2c
         96  P4_32_12    P 4nw 2abw
         97  I422        I 4 2
         98  I4_122      I 4bw 2bw
         99  P4mm        P 4 -2
        100  P4bm        P 4 -2ab
        101  P4_2cm      P 4c -2c
        102  P4_2nm      P 4n -2n
        103  P4cc        P 4 -2c
        104  P4nc        P 4 -2n
        105  P4_2mc      P 4c -2
        106  P4_2bc      P 4c -2ab
        107  I4mm        I 4 -2
        108  I4cm        I 4 -2c
        109  I4_1md      I 4bw -2
        110  I4_1cd      I 4bw -2c
        111  P-42m       P -4 2
        112  P-42c       P -4 2c
        113  P-42_1m     P -4 2ab
        114  P-42_1c     P -4 2n
        115  P-4m2       P -4 -2
        116  P-4c2       P -4 -2c
        117  P-4b2       P -4 -2ab
        118  P-4n2       P -4 -2n
        119  I-4m2       I -4 -2
        120  I-4c2       I -4 -2c
        121  I-42m       I -4 2
        122  I-42d       I -4 2bw
        123  P4/mmm      -P 4 2
        124  P4/mcc      -P 4 2c
        125  P4/nbm      -P 4a 2b
        126  P4/nnc      -P 4a 2bc
        127  P4/mbm      -P 4 2ab
        128  P4/mnc      -P 4 2n
        129  P4/nmm      -P 4a 2a
        130  P4/ncc      -P 4a 2ac
        131  P4_2/mmc    -P 4c 2
        132  P4_2/mcm    -P 4c 2c
        133  P4_2/nbc    -P 4ac 2b
        134  P4_2/nnm    -P 4ac 2bc
        135  P4_2/mbc    -P 4c 2ab
        136  P4_2/mnm    -P 4n 2n
        137  P4_2/nmc    -P 4ac 2a
        138  P4_2/ncm    -P 4ac 2ac
        139  I4/mmm      -I 4 2
        140  I4/mcm      -I 4 2c
        141  I4_1/amd    -I 4bd 2
        142  I4_1/acd    -I 4bd 2c
        143  P3          P 3
        144  P3_1        P 31
        145  P3_2        P 32
        146  R3          R 3
        147  P-3         -P 3
        148  R-3         -R 3
        149  P312        P 3 2
        150  P321        P 3 2"
        151  P3_112      P 31 2c (0 0 1)
        152  P3_121      P 31 2"
        153  P3_212      P 32 2c (0 0 -1)
        154  P3_221      P 32 2"
        155  R32         R 3 2"
        156  P3m1        P 3 -2"
        157  P31m        P 3 -2
        158  P3c1        P 3 -2"c
        159  P31c        P 3 -2c
        160  R3m         R 3 -2"
        161  R3c         R 3 -2"c
        162  P-31m       -P 3 2
        163  P-31c       -P 3 2c
        164  P-3m1       -P 3 2"
        165  P-3c1       -P 3 2"c
        166  R-3m        -R 3 2"
        167  R-3c        -R 3 2"c
        168  P6          P 6
        169  P6_1        P 61
        170  P6_5        P 65
        171  P6_2        P 62
        172  P6_4        P 64
        173  P6_3        P 6c
        174  P-6         P -6
        175  P6/m        -P 6
        176  P6_3/m      -P 6c
        177  P622        P 6 2
        178  P6_122      P 61 2 (0 0 -1)
        179  P6_522      P 65 2 (0 0 1)
        180  P6_222      P 62 2c (0 0 1)
        181  P6_422      P 64 2c (0 0 -1)
        182  P6_322      P 6c 2c
        183  P6mm        P 6 -2
        184  P6cc        P 6 -2c
        185  P6_3cm      P 6c -2
        186  P6_3mc      P 6c -2c
        187  P-6m2       P -6 2
        188  P-6c2       P -6c 2
        189  P-62m       P -6 -2
        190  P-62c       P -6c -2c
        191  P6/mmm      -P 6 2
        192  P6/mcc      -P 6 2c
        193  P6_3/mcm    -P 6c 2
        194  P6_3/mmc    -P 6c 2c
        195  P23         P 2 2 3
        196  F23         F 2 2 3
        197  I23         I 2 2 3
        198  P2_13       P 2ac 2ab 3
        199  I2_13       I 2b 2c 3
        200  Pm-3        -P 2 2 3
        201  Pn-3        -P 2ab 2bc 3
        202  Fm-3        -F 2 2 3
        203  Fd-3        -F 2uv 2vw 3
        204  Im-3        -I 2 2 3
        205  Pa-3        -P 2ac 2ab 3
        206  Ia-3        -I 2b 2c 3
        207  P432        P 4 2 3
        208  P4_232      P 4n 2 3
        209  F432        F 4 2 3
        210  F4_132      F 4d 2 3
        211  I432        I 4 2 3
        212  P4_332      P 4acd 2ab 3
        213  P4_132      P 4bd 2ab 3
        214  I4_132      I 4bd 2c 3
        215  P-43m       P -4 2 3
        216  F-43m       F -4 2 3
        217  I-43m       I -4 2 3
        218  P-43n       P -4n 2 3
        219  F-43c       F -4c 2 3
        220  I-43d       I -4bd 2c 3
        221  Pm-3m       -P 4 2 3
        222  Pn-3n       -P 4a 2bc 3
        223  Pm-3n       -P 4n 2 3
        224  Pn-3m       -P 4bc 2bc 3
        225  Fm-3m       -F 4 2 3
        226  Fm-3c       -F 4c 2 3
        227  Fd-3m       -F 4vw 2vw 3
        228  Fd-3c       -F 4cvw 2vw 3
        229  Im-3m       -I 4 2 3
        230  Ia-3d       -I 4bd 2c 3
        """";

    /// <summary>(number, symbol, Hall symbol) for each line of <see cref="Text"/>.</summary>
    public static IEnumerable<(int Number, string Symbol, string Hall)> Rows() =>
        Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line =>
        {
            var parts = line.Split(' ', 3, StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0]), parts[1], parts[2].Trim());
        });
}
