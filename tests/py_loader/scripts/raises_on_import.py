def fine():
    return 1


raise RuntimeError("refusing to load")
