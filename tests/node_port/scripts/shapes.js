// A JS class that the port loads through libmetacall, into this very Node (objects.test.js).
'use strict';

class Square {
  constructor(side) {
    this.side = side;
  }
  area() {
    return this.side * this.side;
  }
}

module.exports = {
  Square,
  unit: new Square(1),
  echo: (x) => x,
  area_of: (shape) => shape.area(),
};
