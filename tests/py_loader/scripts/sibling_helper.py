def name():
    return "sibling_helper"
