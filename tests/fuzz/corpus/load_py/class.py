class C:
    def m(self):
        return [1, {"a": 2}]

def make():
    return C()
