# Values of every kind the command prints, for its value printing test.
class Point:
    pass


def kinds():
    return [
        b"\x01\x02\xff",
        bytes(range(40)),
        float("nan"),
        float("-inf"),
        0.1,
        {1: "one", "two": [None, False]},
        Point(),
        Point,
        kinds,
        "quote \" and newline \n",
    ]
